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
        _ = try terminal.waitFor("loaded 3 rows × 1 column from my data.csv (2 normal, 1 anomaly)", timeout: 10)
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
        // The trained model is not saved: quit asks once.
        _ = try terminal.waitFor("leave anyway? [y/N] ", timeout: 10)
        try terminal.send("y\r")
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

    /// A session with a Ctrl-C in `train` and in `tsne` saves them as the runs that give what they
    /// kept, so its saved history replays to the same exports, under another --seed and --out.
    @Test func aSessionInterruptedByCtrlCReplaysToTheSameExports() throws {
        let aesh = try #require(PseudoTerminal.productPath("aesh"), "the aesh executable is built next to the tests")
        let terminal = try PseudoTerminal(executable: aesh, arguments: ["--seed", "3"], columns: 100, rows: 30)
        _ = try terminal.waitFor("aesh> ", timeout: 20)
        try terminal.send("generate normal=20000 anomalies=100 features=8\r")
        _ = try terminal.waitFor("generated", timeout: 10)
        try terminal.send("train epochs=1000 batch=16\r")
        _ = try terminal.waitFor("epoch    3/1000", timeout: 60)
        try terminal.send("\u{03}")
        let stopped = try terminal.waitFor("kept the best weights so far, from epoch ", timeout: 10)
        #expect(stopped.contains("interrupted during epoch"))
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("errors\r")
        _ = try terminal.waitFor("top 10 rows", timeout: 20)
        try terminal.send("export scores.csv\r")
        _ = try terminal.waitFor("wrote", timeout: 10)
        try terminal.send("tsne rows=400 iterations=1000000 method=bh\r")
        _ = try terminal.waitFor("iteration 250: KL", timeout: 60)
        try terminal.send("\u{03}")
        _ = try terminal.waitFor("kept the embedding so far", timeout: 10)
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("export embedding.csv what=embedding\r")
        _ = try terminal.waitFor("wrote 400 rows of embedding", timeout: 10)
        try terminal.send("history save saved.aesh\r")
        _ = try terminal.waitFor("saved", timeout: 10)
        try terminal.send("quit\r")
        _ = try terminal.waitFor("leave anyway? [y/N] ", timeout: 10)
        try terminal.send("y\r")
        #expect(terminal.waitForExit(timeout: 10) == 0)

        let folder = terminal.home
        let saved = try String(contentsOfFile: folder + "/saved.aesh", encoding: .utf8)
        let lines = saved.split(separator: "\n").map(String.init)
        #expect(lines.contains("set seed 3"))
        let train = try #require(lines.first { $0.hasPrefix("train ") })
        #expect(train.hasPrefix("train epochs=") && train.hasSuffix(" batch=16 lr=0.001 validation=0.1 seed=3 members=1"),
                "the first network of the default ensemble, as one network: \(train)")
        #expect(!lines.contains("train epochs=1000 batch=16"))
        let tsne = try #require(lines.first { $0.hasPrefix("tsne ") })
        #expect(tsne.hasPrefix("tsne rows=400 iterations=") && !tsne.contains("iterations=1000000"), "\(tsne)")
        var exported: [String: Data] = [:]
        for file in ["scores.csv", "embedding.csv"] {
            exported[file] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            try FileManager.default.removeItem(atPath: folder + "/" + file)
        }
        let replay = try AeshProcess.run(["--seed", "11", "--out", "elsewhere", "saved.aesh"], in: folder, timeout: 240)
        #expect(replay.status == 0, "\(replay.stderr)")
        for file in ["scores.csv", "embedding.csv"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)) == exported[file], "\(file) differs")
        }
    }

    /// `quit` or Ctrl-D with a model trained since the last `save` asks once; no leaves the person
    /// at the prompt, yes (or Ctrl-D again) leaves; after `save` nothing is asked.
    @Test func leavingWithAnUnsavedModelAsksOnce() throws {
        let terminal = try startPrompt()
        try terminal.send("generate normal=100 anomalies=10 features=3 seed=1\r")
        _ = try terminal.waitFor("generated", timeout: 10)
        try terminal.send("train epochs=2\r")
        _ = try terminal.waitFor("trained", timeout: 30)
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("quit\r")
        _ = try terminal.waitFor("the model trained in this session is not saved (`save PATH` keeps it)", timeout: 10)
        _ = try terminal.waitFor("leave anyway? [y/N] ")
        try terminal.send("n\r")
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("\u{04}")
        _ = try terminal.waitFor("leave anyway? [y/N] ", timeout: 10)
        try terminal.send("\r")
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("save m.aemodel\r")
        _ = try terminal.waitFor("saved the model", timeout: 10)
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("quit\r")
        #expect(terminal.waitForExit(timeout: 10) == 0)
        #expect(!terminal.output.hasSuffix("leave anyway? [y/N] "))
        #expect(terminal.output.components(separatedBy: "leave anyway?").count == 3, "\(terminal.output)")
    }

    @Test func yesLeavesWithoutSaving() throws {
        let terminal = try startPrompt()
        try terminal.send("generate normal=100 anomalies=10 features=3 seed=1\r")
        _ = try terminal.waitFor("generated", timeout: 10)
        try terminal.send("train epochs=1\r")
        _ = try terminal.waitFor("trained", timeout: 30)
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("quit\r")
        _ = try terminal.waitFor("leave anyway? [y/N] ", timeout: 10)
        try terminal.send("y\r")
        #expect(terminal.waitForExit(timeout: 10) == 0)
        // A script, or input that is not a terminal, never asks.
        let piped = try AeshProcess.run([], in: terminal.home, input: "generate normal=50 anomalies=5 features=2 seed=1\ntrain epochs=1\nquit\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(!piped.stdout.contains("leave anyway"))
    }
}
