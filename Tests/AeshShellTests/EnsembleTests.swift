import Foundation
import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// The default seed ensemble (issue 15 item 2): its networks and seeds, its errors (the mean of
/// its networks'), and that `save`/`open`, `score`, `train more=` and the default network's own
/// scaling keep its numbers bit for bit.
@Suite struct EnsembleTests {
    static let setup = """
        generate normal=300 anomalies=30 features=6 shift=3 seed=5
        split test=0.3 seed=42

        """

    @Test func theDefaultIsFiveNetworksWhoseErrorsAreAveraged() throws {
        let harness = try ShellHarness()
        #expect(harness.run(Self.setup + "train epochs=4 seed=9\nerrors top=0") == 0, "\(harness.console.errors)")
        #expect(harness.console.output.contains("no `model` given: using a seed ensemble of 5 networks 6 → 3 → 1 → 3 → 6 (relu, sigmoid output)"),
                "\(harness.console.output)")
        #expect(harness.console.output.contains("network 2 of 5 (seed 1009)"))
        let session = harness.shell.session
        let model = try #require(session.model)
        #expect(model.networks.count == 5)
        let data = try #require(session.data)
        let rows = try session.rowIndices(of: .test, in: data)
        let inputs = try model.inputs(from: data, rows: rows)
        var sum = [Double](repeating: 0, count: rows.count)
        for network in model.networks {
            for (r, e) in ReconstructionErrors.compute(model: network, data: inputs).perRow.enumerated() { sum[r] += e }
        }
        #expect(session.scores?.errors == sum.map { $0 / 5 }, "the mean of the networks' errors, summed in their order")

        // The networks train two at a time on two threads, yet the same script gives the same
        // networks; each has its own seed.
        let again = try ShellHarness()
        #expect(again.run(Self.setup + "train epochs=4 seed=9\nerrors top=0") == 0, "\(again.console.errors)")
        #expect(again.shell.session.model?.networks == model.networks)
        #expect(model.additionalNetworks.allSatisfy { $0 != model.network })
        let single = try ShellHarness()
        #expect(single.run(Self.setup + "train epochs=4 seed=9 members=1") == 0, "\(single.console.errors)")
        #expect(single.shell.session.model?.networks.count == 1)
        // A named `model` trains one network unless members= asks for more.
        let named = try ShellHarness()
        #expect(named.run(Self.setup + "model 3\ntrain epochs=2 seed=9\ntrain epochs=2 seed=9 members=2") == 0)
        #expect(named.shell.session.model?.networks.count == 2)
        #expect(named.shell.session.modelSummaries.first?.networks == 1)
    }

    /// `members=1` is the ensemble's first network bit for bit, also on data wide enough that a
    /// named model alone splits each batch over two threads (sonar: 60 columns; a review found the
    /// line a Ctrl-C in an ensemble replays as training another network there).
    @Test func membersOneIsTheFirstNetworkOfTheEnsembleOnWideData() throws {
        let sonar = ShellHarness.repositoryRoot + "/data/sonar.csv"
        let one = try ShellHarness(), two = try ShellHarness()
        #expect(one.run("load \(sonar) label=label\ntrain epochs=6 members=1 seed=1") == 0, "\(one.console.errors)")
        #expect(two.run("load \(sonar) label=label\ntrain epochs=6 members=2 seed=1") == 0, "\(two.console.errors)")
        let first = try #require(one.shell.session.model?.networks.first)
        #expect(one.shell.session.model?.networks.count == 1)
        let same = two.shell.session.model?.networks.first == first
        #expect(same, "the first network of members=2 differs from members=1's")
    }

    @Test func anEnsembleSavedAndOpenedScoresBitForBit() throws {
        let harness = try ShellHarness()
        #expect(harness.run(Self.setup + """
            train epochs=3 seed=2 members=3
            errors on=all top=0
            threshold 0.9
            save out/e.aemodel
            export out/before.csv
            open out/e.aemodel
            errors on=all top=0
            export out/after.csv
            """) == 0, "\(harness.console.errors)")
        let before = try #require(harness.read("out/before.csv")), after = try #require(harness.read("out/after.csv"))
        #expect(before == after)
        let file = try ModelFile.read(path: harness.folder + "/out/e.aemodel")
        #expect(file.version == 3)
        #expect(file.ensemble?.count == 2)
        #expect(harness.shell.session.model?.networks.count == 3)
        #expect(harness.console.output.contains("a seed ensemble of 3 × 6 → 3 → 1 → 3 → 6"))
    }

    @Test func scoreGivesTheSessionsErrorsOfAnEnsemble() throws {
        let harness = try ShellHarness()
        var csv = "a,b,c\n"
        for r in 0..<200 {
            csv += (0..<3).map { c in String(Float(sin(Double(r * 5 + c)) + (r % 17 == 0 ? 3 : 0))) }.joined(separator: ",") + "\n"
        }
        try harness.write("rows.csv", csv)
        #expect(harness.run("""
            load rows.csv
            train epochs=2 seed=4 members=3
            errors on=all top=0
            threshold 0.9
            save out/m.aemodel
            export out/export.csv
            score rows.csv to=out/scored.csv
            """) == 0, "\(harness.console.errors)")
        func firstThree(_ file: String) throws -> [String] {
            try #require(harness.read(file)).split(separator: "\n").dropFirst()
                .map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(3).joined(separator: ",") }
        }
        let exported = try firstThree("out/export.csv")
        #expect(exported.count == 200)
        #expect(try firstThree("out/scored.csv") == exported, "row,error,predicted alike, bit for bit")
    }

    @Test func moreGoesOnWithEveryNetwork() throws {
        let stepped = try ShellHarness(), whole = try ShellHarness()
        #expect(stepped.run(Self.setup + "train epochs=3 seed=7 members=3\ntrain more=2\nerrors on=all top=0\nexport out/s.csv") == 0,
                "\(stepped.console.errors)")
        #expect(whole.run(Self.setup + "train epochs=5 seed=7 members=3\nerrors on=all top=0\nexport out/s.csv") == 0)
        #expect(stepped.read("out/s.csv") == whole.read("out/s.csv"))
        #expect(stepped.shell.session.model?.networks.count == 3)
        #expect(!stepped.execute("train more=2 members=2"))
        #expect(stepped.console.errors.contains("more= goes on with the settings of the run it continues: give it alone"))
    }

    @Test func theDefaultNetworkScalesItsInputItselfAfterStandardOrRobustScaling() throws {
        let plain = try ShellHarness()
        #expect(plain.run(Self.setup + "train epochs=3 seed=3 members=2\nerrors top=0\nexport out/s.csv") == 0)
        for method in ["standard", "robust"] {
            let scaled = try ShellHarness()
            #expect(scaled.run(Self.setup + "scale \(method)\ntrain epochs=3 seed=3 members=2\nerrors top=0\nexport out/s.csv") == 0,
                    "\(scaled.console.errors)")
            #expect(scaled.console.output.contains("`scale \(method)` and no `model`: the default network scales its input itself"))
            #expect(scaled.shell.session.model?.scaler?.method == .minmax)
            #expect(scaled.read("out/s.csv") == plain.read("out/s.csv"), "scale \(method) + the default network = no scale")
        }
        // A named model, or scale none, uses the scaling as given.
        let named = try ShellHarness()
        #expect(named.run(Self.setup + "scale standard\nmodel 3 output=linear\ntrain epochs=2 seed=3") == 0)
        #expect(named.shell.session.model?.scaler?.method == .standard)
        let none = try ShellHarness()
        #expect(none.run(Self.setup + "scale none\ntrain epochs=2 seed=3 members=1") == 0)
        #expect(none.shell.session.model?.scaler?.method == ScalingMethod.none || none.shell.session.model?.scaler == nil)
    }

    @Test func aSavedHistoryReplaysTheEnsembleExactly() throws {
        let original = try ShellHarness()
        #expect(original.run(Self.setup + "train epochs=3 members=3\ntrain more=1\nerrors on=all top=0\nexport scores.csv\nhistory save saved.aesh") == 0,
                "\(original.console.errors)")
        let saved = try #require(original.read("saved.aesh"))
        let replay = try ShellHarness()
        replay.shell.session.settings.seed = 99
        try replay.write("saved.aesh", saved)
        #expect(replay.execute("run saved.aesh"), "\(replay.console.errors)")
        #expect(replay.read("scores.csv") == original.read("scores.csv"))
        #expect(replay.shell.session.model?.networks == original.shell.session.model?.networks)
    }

    @Test func aFirstNetworkThatDivergesIsKeptAsOneNetworkIs() throws {
        let harness = try ShellHarness()
        #expect(harness.run(Self.setup + "scale none\nmodel 3 output=linear") == 0)
        #expect(!harness.execute("train epochs=5 members=2 lr=1e8 seed=1"))
        #expect(harness.console.errors.contains("training diverged in epoch 1"), "\(harness.console.errors)")
        #expect(harness.shell.session.model?.networks.count == 1, "the weights from before the batch, as for one network")
    }
}
