import Foundation
import Testing
@testable import AeshShell

/// Ctrl-C during a script replay, as Jupyter's interrupt of "Run All": the command it lands in
/// stops (training keeps its best weights so far), the replay stops after it with
/// `FILE:LINE: interrupted`, and aesh exits with status 130. Driven through a pseudo-terminal, so
/// the SIGINT comes from the terminal's Ctrl-C as a person's would.
@Suite(.serialized) struct ScriptInterruptTests {
    static let script = """
        generate normal=20000 anomalies=100 features=8 seed=1
        model 4
        train epochs=1000 batch=16 seed=1
        save after.json

        """

    /// Waits until training has run a few epochs, then types Ctrl-C.
    func interruptTraining(_ terminal: PseudoTerminal) throws {
        _ = try terminal.waitFor("epoch    3/1000", timeout: 90)
        try terminal.send("\u{03}")
    }

    @Test func ctrlCStopsTheReplayAfterTheCurrentCommandWithStatus130() throws {
        let terminal = try startScriptWhenWritten()
        try interruptTraining(terminal)
        let output = try terminal.waitFor("long.aesh:3: interrupted", timeout: 20)
        #expect(output.contains("interrupted during epoch"))
        #expect(output.contains("kept the best weights so far"))
        #expect(terminal.waitForExit(timeout: 20) == 130)
        #expect(!terminal.output.contains("In [4]"), "the replay went on after Ctrl-C:\n\(terminal.output)")
        #expect(!FileManager.default.fileExists(atPath: terminal.home + "/after.json"))
    }

    @Test func keepGoingDoesNotGoOnAfterCtrlC() throws {
        let terminal = try startScriptWhenWritten(["--keep-going"])
        try interruptTraining(terminal)
        _ = try terminal.waitFor("long.aesh:3: interrupted", timeout: 20)
        #expect(terminal.waitForExit(timeout: 20) == 130)
        #expect(!FileManager.default.fileExists(atPath: terminal.home + "/after.json"))
    }

    /// aesh started on a script in its home folder; the script is in place before aesh reads it
    /// because aesh is started through a shell that waits for the file.
    func startScriptWhenWritten(_ arguments: [String] = []) throws -> PseudoTerminal {
        let aesh = try #require(PseudoTerminal.productPath("aesh"), "the aesh executable is built next to the tests")
        let words = ([aesh] + arguments + ["long.aesh"]).map { "'" + $0 + "'" }.joined(separator: " ")
        let terminal = try PseudoTerminal(
            executable: "/bin/sh",
            arguments: ["-c", "while [ ! -f ready ]; do sleep 0.05; done; exec \(words)"], columns: 100, rows: 30)
        try Data(Self.script.utf8).write(to: URL(fileURLWithPath: terminal.home + "/long.aesh"))
        _ = FileManager.default.createFile(atPath: terminal.home + "/ready", contents: nil)
        return terminal
    }
}
