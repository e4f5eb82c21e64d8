import Foundation
import Testing
@testable import AeshShell

@Suite struct ProseCellTests {
    /// Consecutive `#'` lines are one prose cell without their marks; a plain `#` comment, a blank
    /// line or a command ends it; plain comments stay out.
    @Test func consecutiveProseLinesFormOneCell() {
        let lines = ScriptLines.split("""
        #' # Title
        #'
        #'Some *text*.
        # a plain comment
          #' second cell \\
        generate normal=10 \\
        #' not prose: the command goes on
        describe
        """)
        #expect(lines == [
            ScriptLine(text: "# Title\n\nSome *text*.", lineNumber: 1, isProse: true),
            ScriptLine(text: "second cell \\", lineNumber: 5, isProse: true),
            ScriptLine(text: "generate normal=10  #' not prose: the command goes on", lineNumber: 6),
            ScriptLine(text: "describe", lineNumber: 8),
        ])
        #expect(ScriptLines.splitOneLiner("#' prose\ndescribe").map(\.text) == ["describe"])
    }

    /// A replay emits prose cells in place, echoes them in script mode, and numbers only the
    /// commands, so prose moves neither `In [n]` nor plot file names.
    @Test func proseIsEmittedAndEchoedAndNotNumbered() throws {
        let harness = try ShellHarness()
        let recorder = RecordingListener()
        harness.shell.listeners.append(recorder)
        let lines = ScriptLines.split("#' # Data\n#' Ten rows.\ngenerate normal=10 anomalies=1 features=2 seed=1\n#' Then:\ndescribe\n")
        #expect(harness.shell.runScript(lines, file: "p.aesh", options: ScriptRunOptions(echo: true)) == 0)
        let kinds: [String] = recorder.events.compactMap {
            switch $0 {
            case .prose(let text): "prose:\(text)"
            case .started(let cell): "start:\(cell.number)"
            default: nil
            }
        }
        #expect(kinds == ["prose:# Data\nTen rows.", "start:1", "prose:Then:", "start:2"])
        #expect(harness.console.output.hasPrefix("# Data\nTen rows.\n\nIn [1]: generate"))
        #expect(harness.console.output.contains("Then:\n\nIn [2]: describe"))
    }

    /// `run` replays a script with prose in it as commands only, and `param` declarations in prose
    /// are not declarations.
    @Test func nestedRunSkipsProse() throws {
        let harness = try ShellHarness()
        try harness.write("inner.aesh", "#' param epochs=3 is not run\ngenerate normal=10 anomalies=1 features=2 seed=3\n")
        #expect(harness.run("run inner.aesh") == 0, "\(harness.console.errors)")
        #expect(harness.shell.session.data?.rowCount == 11)
        #expect(ScriptParameters.declaredNames(in: ScriptLines.split("#' param epochs=3\n")).isEmpty)
    }
}
