import Foundation
import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// The seed experiment replayed in-process from scripts/seed.aesh.
@Suite struct SeedScriptTests {
    /// A replay of the seed and the number of its cells that failed.
    struct Replay {
        let harness: ShellHarness
        let failures: Int
    }

    static func replay() throws -> Replay {
        let harness = try ShellHarness()
        let lines = try Shell.readScript(path: ShellHarness.repositoryRoot + "/scripts/seed.aesh")
        let failures = harness.shell.runScript(lines, file: "seed.aesh", options: ScriptRunOptions(echo: true))
        return Replay(harness: harness, failures: failures)
    }

    /// The one replay that the tests which only read what it left (its session and its out/
    /// folder) share: a replay takes seconds, and none of them changes it. Only the test of two
    /// replays makes a second one.
    private static let shared = Result { try replay() }

    /// The shared replay, checked to have run every cell.
    static func replaySeed() throws -> ShellHarness {
        let replay = try shared.get()
        #expect(replay.failures == 0, "seed.aesh failed: \(replay.harness.console.errors)")
        return replay.harness
    }

    @Test func seedScriptDetectsTheAnomalies() throws {
        let harness = try Self.replaySeed()
        let session = harness.shell.session
        let scores = try #require(session.scores)
        #expect(scores.errors.count == 2_200)
        #expect(scores.labels?.filter { $0 == 1 }.count == 200)
        let evaluation = try #require(session.evaluation)
        #expect(evaluation.accuracy >= 0.98)
        #expect(try #require(evaluation.rocAUC) >= 0.99)
        #expect(harness.console.output.contains("In [5]: train epochs=20"))
        #expect(harness.console.output.contains("ROC AUC"))
        let export = try #require(harness.read("out/seed-scores.csv"))
        let lines = export.split(separator: "\n")
        #expect(lines.first == "row,error,predicted,label")
        #expect(lines.count == 2_201)
        #expect(FileManager.default.fileExists(atPath: harness.folder + "/out/seed.aemodel"))
    }

    @Test func twoReplaysGiveByteIdenticalExports() throws {
        let first = try Self.replaySeed()
        let second = try Self.replay()
        #expect(second.failures == 0, "seed.aesh failed: \(second.harness.console.errors)")
        let a = try #require(first.read("out/seed-scores.csv"))
        let b = try #require(second.harness.read("out/seed-scores.csv"))
        #expect(a == b)
        #expect(first.read("out/seed.aemodel") == second.harness.read("out/seed.aemodel"))
    }

    @Test func savedModelScoresNewDataTheSameWay() throws {
        let trained = try Self.replaySeed()
        let modelPath = trained.folder + "/out/seed.aemodel"
        // Write the first rows of the generated data as a CSV with the columns in another order.
        let data = try #require(trained.shell.session.data)
        var csv = "label," + data.columnNames.reversed().joined(separator: ",") + "\n"
        for r in 0..<50 {
            let row = data.features.row(r).reversed().map { "\($0)" }.joined(separator: ",")
            csv += "\(data.labels?[r] ?? 0),\(row)\n"
        }
        for r in 10_000..<10_010 {
            let row = data.features.row(r).reversed().map { "\($0)" }.joined(separator: ",")
            csv += "\(data.labels?[r] ?? 0),\(row)\n"
        }
        let scorer = try ShellHarness()
        try scorer.write("new.csv", csv)
        let failures = scorer.run("""
        open \(modelPath)
        load new.csv label=label
        errors on=all
        export out/new-scores.csv
        """)
        #expect(failures == 0, "\(scorer.console.errors)")
        let scores = try #require(scorer.shell.session.scores)
        #expect(scores.errors.count == 60)
        // The same rows scored in the training session give the same errors.
        let network = try #require(trained.shell.session.network)
        let scaler = try #require(trained.shell.session.scaler)
        let expected = ReconstructionErrors.compute(model: network, data: scaler.transform(data.features.selectingRows(Array(0..<50) + Array(10_000..<10_010)))).perRow
        #expect(scores.errors == expected)
        let exported = try #require(scorer.read("out/new-scores.csv"))
        let rows = exported.split(separator: "\n")
        #expect(rows.count == 61)
        // Rows are flagged by the saved threshold, and the labels come from the new file.
        let threshold = try #require(trained.shell.session.threshold?.value)
        for (k, line) in rows.dropFirst().enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(cells == [String(k), "\(scores.errors[k])", scores.errors[k] > threshold ? "1" : "0", k < 50 ? "0" : "1"])
        }
    }

    @Test func tutorialScriptRunsToTheEnd() throws {
        let harness = try ShellHarness()
        let lines = try Shell.readScript(path: ShellHarness.repositoryRoot + "/scripts/tutorial.aesh")
        #expect(harness.shell.runScript(lines, file: "tutorial.aesh", options: ScriptRunOptions(echo: true)) == 0,
                "\(harness.console.errors)")
        let evaluation = try #require(harness.shell.session.evaluation)
        #expect(try #require(evaluation.rocAUC) > 0.95)
        #expect(harness.console.output.contains("Adam"))
    }
}
