import Foundation
import Testing
@testable import AeshShell

/// Control characters in a script or in a command line are shown escaped, never sent raw to the
/// terminal: the notebook echo of a command, its error message and a script's prose, as the
/// tables already do for names from the data.
@Suite struct ControlCharacterTests {
    static let escape = "\u{1B}"

    @Test func theEchoAndTheErrorOfACommandShowAnEscapeEscaped() throws {
        let harness = try ShellHarness()
        let failures = harness.shell.runScript(ScriptLines.split("load \"\(Self.escape)[2Jx.csv\"\n"), file: "t.aesh",
                                               options: ScriptRunOptions(echo: true))
        #expect(failures == 1)
        #expect(harness.console.output.contains("In [1]: load \"\\u{1B}[2Jx.csv\""), "\(harness.console.output)")
        #expect(harness.console.errors.contains("t.aesh:1: load: ") && harness.console.errors.contains("\\u{1B}[2Jx.csv: no such file"), "\(harness.console.errors)")
        #expect(!harness.console.output.contains(Self.escape) && !harness.console.errors.contains(Self.escape))
    }

    @Test func anUnknownCommandWithABellIsShownEscaped() throws {
        let harness = try ShellHarness()
        #expect(!harness.execute("tra\u{07}in epochs=1"))
        #expect(harness.console.errors.contains("unknown command \"tra\\u{07}in\""), "\(harness.console.errors)")
        #expect(!harness.console.errors.contains("\u{07}"))
    }

    @Test func proseKeepsItsLinesAndShowsItsEscapesEscaped() throws {
        let harness = try ShellHarness()
        let script = "#' Title \(Self.escape)]0;owned\u{07}\n#' second line\ngenerate normal=10 anomalies=0 features=2 seed=1\n"
        #expect(harness.shell.runScript(ScriptLines.split(script), file: "t.aesh", options: ScriptRunOptions(echo: true)) == 0)
        #expect(!harness.console.output.contains(Self.escape) && !harness.console.output.contains("\u{07}"), "\(harness.console.output)")
        #expect(harness.console.output.contains("Title \\u{1B}]0;owned\\u{07}\nsecond line"), "\(harness.console.output)")
    }
}
