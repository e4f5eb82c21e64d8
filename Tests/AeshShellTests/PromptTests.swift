import Foundation
import Testing
@testable import AeshShell

/// The interactive prompt driven through a pseudo-terminal: typing, history, completion, Ctrl-C, Ctrl-D.
@Suite(.serialized) struct PromptTests {
    func startPrompt() throws -> PseudoTerminal {
        let aesh = try #require(PseudoTerminal.productPath("aesh"), "the aesh executable is built next to the tests")
        let terminal = try PseudoTerminal(executable: aesh, columns: 100, rows: 30)
        _ = try terminal.waitFor("aesh> ", timeout: 20)
        return terminal
    }

    @Test func typedCommandRunsAndHistoryRecallsIt() throws {
        let terminal = try startPrompt()
        try terminal.send("generate normal=100 anomalies=10 features=3 seed=1\r")
        _ = try terminal.waitFor("generated 110 rows", timeout: 10)
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("describe\r")
        _ = try terminal.waitFor("x2", timeout: 10)
        _ = try terminal.waitFor("aesh> ")
        // Up twice recalls the generate line; running it again regenerates.
        try terminal.send("\u{1b}[A\u{1b}[A")
        _ = try terminal.waitFor("generate normal=100 anomalies=10 features=3 seed=1")
        try terminal.send("\r")
        _ = try terminal.waitFor("generated 110 rows", timeout: 10)
        try terminal.send("quit\r")
        #expect(terminal.waitForExit(timeout: 10) == 0)
        let history = try String(contentsOfFile: terminal.stateHome + "/aesh/history", encoding: .utf8)
        #expect(history.contains("generate normal=100 anomalies=10 features=3 seed=1\ndescribe\n"))
    }

    @Test func tabCompletesCommandsAndKeys() throws {
        let terminal = try startPrompt()
        try terminal.send("gen\t")
        _ = try terminal.waitFor("generate ")
        try terminal.send("feat\t")
        _ = try terminal.waitFor("features=")
        try terminal.send("2 seed=3\r")
        _ = try terminal.waitFor("generated 11,000 rows × 2 columns", timeout: 10)
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("\u{04}")
        #expect(terminal.waitForExit(timeout: 10) == 0)
    }

    @Test func tabCompletesValuesAfterKeysAndQuotesFileNamesWithSpaces() throws {
        let terminal = try startPrompt()
        try Data("temperature,is_anomaly\n1,0\n2,1\n3,0\n".utf8)
            .write(to: URL(fileURLWithPath: terminal.home + "/my data.csv"))
        // The file name has a space: it completes in quotes, closed, with a space after.
        try terminal.send("load my\t")
        _ = try terminal.waitFor("\"my data.csv\" ")
        try terminal.send("lab\t")
        _ = try terminal.waitFor("label=")
        // After `label=` the columns of the file on the line are offered, not the keys.
        try terminal.send("is\t")
        _ = try terminal.waitFor("is_anomaly ")
        try terminal.send("\r")
        _ = try terminal.waitFor("loaded 3 rows × 1 columns from my data.csv (2 normal, 1 anomaly)", timeout: 10)
        _ = try terminal.waitFor("aesh> ")
        // `on=t` completes the part's values (it once became `on=top=`).
        try terminal.send("errors on=tr\t")
        _ = try terminal.waitFor("errors on=train ")
        try terminal.send("\u{15}")
        // A path key completes paths; a folder with a space stays open-quoted for the rest.
        try FileManager.default.createDirectory(atPath: terminal.home + "/my runs", withIntermediateDirectories: true)
        try terminal.send("plot loss to=my\t")
        _ = try terminal.waitFor("\"my ")
        try terminal.send("r\t")
        _ = try terminal.waitFor("runs/")
        // The quote was left open for the file name: closing it after the name makes one word.
        try terminal.send("x.png\"\r")
        _ = try terminal.waitFor("plot: no training history: run `train` first", timeout: 10)
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("quit\r")
        #expect(terminal.waitForExit(timeout: 10) == 0)
    }

    @Test func ctrlCClearsTheLineAndCtrlDLeaves() throws {
        let terminal = try startPrompt()
        try terminal.send("traim epochs=")
        _ = try terminal.waitFor("traim epochs=")
        try terminal.send("\u{03}")
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("help quit\r")
        let output = try terminal.waitFor("leave aesh", timeout: 10)
        #expect(!output.contains("unknown command"))
        // Ctrl-D typed ahead while a command runs is lost in the terminal's canonical mode, as in
        // any readline program: wait for the prompt.
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("\u{04}")
        #expect(terminal.waitForExit(timeout: 10) == 0)
    }

    @Test func ctrlCStopsTrainingAndKeepsTheBestWeights() throws {
        let terminal = try startPrompt()
        try terminal.send("generate normal=20000 anomalies=100 features=8 seed=1\r")
        _ = try terminal.waitFor("generated", timeout: 10)
        try terminal.send("train epochs=1000 batch=16\r")
        // A 1,000-epoch run prints epoch 1's line, then one live line: wait until epoch 3 runs.
        _ = try terminal.waitFor("1/1000  loss", timeout: 60)
        _ = try terminal.waitFor("epoch    3/1000", timeout: 60)
        try terminal.send("\u{03}")
        let output = try terminal.waitFor("kept the best weights so far", timeout: 10)
        #expect(output.contains("interrupted during epoch"))
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("show\r")
        _ = try terminal.waitFor("network:   trained", timeout: 10)
        try terminal.send("quit\r")
        #expect(terminal.waitForExit(timeout: 10) == 0)
    }

    @Test func ctrlCStopsTSNEAndKeepsTheEmbeddingSoFar() throws {
        let terminal = try startPrompt()
        try terminal.send("generate normal=3000 anomalies=100 features=8 seed=1\r")
        _ = try terminal.waitFor("generated", timeout: 10)
        try terminal.send("tsne on=input iterations=1000000 method=bh\r")
        _ = try terminal.waitFor("iteration 250: KL", timeout: 120)
        try terminal.send("\u{03}")
        let output = try terminal.waitFor("kept the embedding so far", timeout: 10)
        #expect(output.contains("interrupted at iteration"))
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("export e.csv what=embedding\r")
        _ = try terminal.waitFor("wrote 3,100 rows of embedding", timeout: 10)
        try terminal.send("quit\r")
        #expect(terminal.waitForExit(timeout: 10) == 0)
    }
}
