import Foundation
import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// `baseline` scores the rows `errors` scores with PCA reconstruction and an Isolation Forest,
/// fitted on the rows the autoencoder learns from, and `plot roc` overlays their curves and the
/// session's other models'.
struct BaselineCommandTests {
    static let vehicle = ShellHarness.repositoryRoot + "/data/vehicle.csv"

    /// vehicle.csv split, scaled, a model trained and scored (`errors`) on the test part.
    static func scored(epochs: Int = 3) throws -> ShellHarness {
        let harness = try ShellHarness()
        #expect(harness.run("""
        load \(vehicle) label=label
        split test=0.3 seed=42
        scale standard
        model 9,4,9 output=linear
        train epochs=\(epochs) seed=1
        errors top=0
        """) == 0, "\(harness.console.errors)")
        return harness
    }

    /// The cells of the table row that starts with `name`.
    private func row(_ output: String, _ name: String) -> [String]? {
        output.components(separatedBy: "\n").last { $0.hasPrefix("  " + name) }
            .map { $0.split(separator: " ").map(String.init) }
    }

    @Test func theBaselinesScoreTheRowsOfErrorsFittedOnTheNormalTrainingRows() throws {
        let harness = try Self.scored()
        #expect(harness.execute("baseline seed=7"), "\(harness.console.errors)")
        let session = harness.shell.session
        let data = try #require(session.data)
        let scores = try #require(session.scores)
        let labels = try #require(scores.labels)
        // What the library gives on the same rows, scaled as the model's inputs.
        let training = try session.modelInputs(from: data, rows: session.trainingRowIndices(of: data))
        let inputs = try session.modelInputs(from: data, rows: scores.rowIndices)
        let pca = try PCAReconstruction.fit(training).errors(inputs)
        let forest = try IsolationForest.fit(training, seed: 7).scores(inputs)
        let d = session.settings.precision
        let output = harness.console.output
        func cells(_ values: [Double]) throws -> [String] {
            [Format.number(try #require(Metrics.rocAUC(scores: values, labels: labels)), digits: d),
             Format.number(try #require(Metrics.averagePrecision(scores: values, labels: labels)), digits: d)]
        }
        #expect(try row(output, "autoencoder 18-9-4-9-18")?.suffix(2) == cells(scores.errors)[...], "\(output)")
        #expect(try row(output, "PCA")?.suffix(2) == cells(pca)[...], "\(output)")
        #expect(try row(output, "Isolation Forest")?.suffix(2) == cells(forest)[...], "\(output)")
        #expect(output.contains("fitted on the \(Format.counted(session.trainingRowIndices(of: data).count, "normal training row")), scored on the \(scores.rowIndices.count) test rows that `errors` scored"))
        #expect(output.contains("of the variance") && output.contains("100 trees of 256 rows, seed 7"))
        #expect(output.contains("ROC AUC is") && output.contains("above"))
        // Both are kept for `plot roc`, on the rows `errors` scored.
        #expect(session.baselines.map(\.method) == [.pca, .iforest])
        #expect(session.baselines.allSatisfy { $0.scores.rowIndices == scores.rowIndices && $0.scores.labels == labels })
        #expect(session.baselines.last?.scores.errors == forest)
    }

    @Test func aSeedFixesTheForestAndTheSessionSeedIsTheDefault() throws {
        let harness = try Self.scored()
        #expect(harness.execute("set seed 11"))
        #expect(harness.execute("baseline iforest"))
        let first = try #require(harness.shell.session.baselines.first)
        #expect(first.name.hasSuffix("seed 11"))
        #expect(harness.execute("baseline iforest seed=11"))
        #expect(harness.shell.session.baselines == [first])
        #expect(harness.execute("baseline iforest seed=12"))
        #expect(harness.shell.session.baselines.count == 1 && harness.shell.session.baselines.first?.scores.errors != first.scores.errors)
        // PCA has no randomness; variance= changes its axes.
        #expect(harness.execute("baseline pca variance=0.5"))
        let session = harness.shell.session
        let data = try #require(session.data)
        let half = try PCAReconstruction.fit(session.modelInputs(from: data, rows: session.trainingRowIndices(of: data)), varianceShare: 0.5)
        #expect(half.componentCount < (try PCAReconstruction.fit(session.modelInputs(from: data, rows: session.trainingRowIndices(of: data)))).componentCount)
        #expect(session.baselines.last?.name.hasPrefix("PCA, \(half.componentCount) of 18 axes") == true, "\(session.baselines)")
    }

    @Test func withoutAModelTheBaselinesStandAloneOnTheTrainingRowsOfTheSplit() throws {
        let harness = try ShellHarness()
        #expect(harness.run("load \(Self.vehicle) label=label\nsplit test=0.3 seed=42\nscale standard\nbaseline pca") == 0, "\(harness.console.errors)")
        let output = harness.console.output
        #expect(row(output, "PCA") != nil && row(output, "autoencoder") == nil, "\(output)")
        #expect(output.contains("`train` a model (or `open` one) to see the autoencoder's numbers beside them"))
        // Before a split every row is scored, as `errors` would.
        #expect(harness.run("load \(Self.vehicle) label=label\nbaseline iforest seed=1") == 0)
        #expect(harness.shell.session.baselines.map(\.scores.rowIndices.count) == [846])
    }

    @Test(arguments: [
        ("baseline pcaa", "unknown baseline \"pcaa\" (did you mean pca?); baselines are pca, iforest"),
        ("baseline pca seed=3", "seed= applies to `baseline iforest` only"),
        ("baseline iforest variance=0.8", "variance= applies to `baseline pca` only"),
        ("baseline pca variance=1", "variance"),
        ("baseline pca on=train", ""),
    ])
    func badArgumentsAreRefusedAndChangeNothing(line: String, message: String) throws {
        let harness = try Self.scored()
        let before = harness.fingerprint
        let succeeded = harness.execute(line)
        if message.isEmpty {
            #expect(succeeded, "\(harness.console.errors)")
        } else {
            #expect(!succeeded)
            #expect(harness.console.errors.contains(message), "\(harness.console.errors)")
            #expect(harness.fingerprint == before && harness.shell.session.baselines.isEmpty)
        }
    }

    @Test func dataWithoutLabelsOrWithoutTrainingRowsIsRefused() throws {
        let harness = try ShellHarness()
        #expect(!harness.execute("baseline"))
        #expect(harness.console.errors.contains("no data yet"))
        try harness.write("plain.csv", "a,b\n1,2\n2,3\n3,5\n")
        #expect(harness.execute("load plain.csv"))
        #expect(!harness.execute("baseline pca"))
        #expect(harness.console.errors.contains("need labels: load the data with label=COLUMN"))
        try harness.write("one.csv", "a,b,label\n1,2,0\n2,3,1\n3,5,1\n")
        #expect(harness.execute("load one.csv label=label"))
        #expect(!harness.execute("baseline pca"))
        #expect(harness.console.errors.contains("PCA: PCA needs at least 2 training rows, there is 1"), "\(harness.console.errors)")
        #expect(harness.shell.session.baselines.isEmpty)
    }

    @Test func rocChartOverlaysTheOtherModelsAndTheBaselinesOfTheSameRows() throws {
        let harness = try Self.scored()
        #expect(harness.run("model 6 output=linear\ntrain epochs=2 seed=2\nerrors top=0\nbaseline seed=3") == 0, "\(harness.console.errors)")
        let session = harness.shell.session
        let chart = try session.rocChart(subject: ChartSubject(session: session))
        #expect(chart.blocks.map(\.name) == ["curve", "overlay0", "overlay1", "overlay2"])
        #expect(chart.plotCommand.contains("model 2 (18-6-18), AUC "))
        #expect(chart.plotCommand.contains("model 1 (18-9-4-9-18), AUC "))
        #expect(chart.plotCommand.contains("PCA, ") && chart.plotCommand.contains("Isolation Forest, 100 trees of 256 rows, seed 3, AUC "))
        // Each overlay is the curve of the scores kept for it.
        let first = try #require(session.modelSummaries.first?.scores)
        #expect(chart.blocks[1].rows == Curves.roc(scores: first.errors, labels: try #require(first.labels)).map { [$0.x, $0.y] })
        // Another split scores other rows: the kept curves of the old rows are left out.
        #expect(harness.run("split test=0.25 seed=5\nerrors top=0") == 0)
        let resplit = try harness.shell.session.rocChart(subject: ChartSubject(session: harness.shell.session))
        #expect(resplit.blocks.map(\.name) == ["curve"])
        #expect(resplit.plotCommand.contains("ROC curve, AUC "))
    }

    @Test func newDataOrNewScalingForgetsWhatWasKeptForTheOverlays() throws {
        let harness = try Self.scored()
        #expect(harness.execute("baseline pca"))
        #expect(harness.execute("scale minmax"))
        #expect(harness.shell.session.baselines.isEmpty)
        #expect(harness.execute("baseline pca"))
        #expect(harness.execute("load \(ShellHarness.repositoryRoot)/data/sonar.csv label=label"))
        #expect(harness.shell.session.baselines.isEmpty)
        #expect(harness.shell.session.modelSummaries.allSatisfy { $0.scores == nil })
    }

    @Test(.needsGnuplot) func plotRocDrawsTheOverlaysAndTheBaselinesAloneWithoutErrors() throws {
        let harness = try Self.scored()
        #expect(harness.execute("baseline seed=3"))
        #expect(harness.execute("plot roc to=out/roc.txt size=150x45"), "\(harness.console.errors)")
        let text = try #require(harness.read("out/roc.txt"))
        for entry in ["model 1 (18-9-4-9-18), AUC", "PCA, ", "Isolation Forest, 100 trees", "chance (AUC 0.5)"] {
            #expect(text.contains(entry), "roc.txt lacks \"\(entry)\":\n\(text)")
        }
        #expect(harness.execute("plot roc to=out/roc.svg"), "\(harness.console.errors)")
        let svg = try #require(harness.read("out/roc.svg"))
        #expect(svg.contains("rgb(255, 127,  14)") && svg.contains("rgb(148, 103, 189)"), "the overlays' colours are missing")
        // Without `errors`, the baselines' curves alone.
        let fresh = try ShellHarness()
        #expect(fresh.run("load \(Self.vehicle) label=label\nsplit test=0.3 seed=42\nscale standard\nbaseline seed=3\nplot roc to=out/roc.txt size=150x45") == 0,
                "\(fresh.console.errors)")
        let alone = try #require(fresh.read("out/roc.txt"))
        #expect(alone.contains("PCA, ") && alone.contains("Isolation Forest, 100 trees"), "\(alone)")
        #expect(!fresh.execute("plot pr"))
        #expect(fresh.console.errors.contains("no reconstruction errors yet"))
    }
}

/// What `baseline` says about the rows it used and how sure its verdict is (a new-user trial found
/// it calling a 0.00009 lead "the better detector", naming the wrong part, and silent about
/// baselines fitted on the very rows they scored).
struct BaselineVerdictTests {
    @Test func theStandardErrorIsHanleyAndMcNeils() throws {
        // A = 0.9 on 50 anomalies and 50 normal rows: Q1 = A/(2−A), Q2 = 2A²/(1+A).
        let error = try #require(Metrics.rocAUCStandardError(0.9, positives: 50, negatives: 50))
        #expect(abs(error - 0.032124) < 1e-5, "\(error)")
        #expect(Metrics.rocAUCStandardError(0.9, positives: 0, negatives: 5) == nil)
        #expect(Metrics.rocAUCStandardError(1.2, positives: 3, negatives: 5) == nil)
    }

    @Test func aGapWithinTheStandardErrorIsNoVerdict() throws {
        let harness = try ShellHarness()
        // Labels that have nothing to do with the rows: every detector is at chance.
        var text = "a,b,c,label\n"
        var generator = SeededGenerator(seed: 5)
        for r in 0..<400 {
            let v = (0..<3).map { _ in Double.random(in: 0..<1, using: &generator) }
            text += v.map { String($0) }.joined(separator: ",") + ",\(r % 4 == 0 ? 1 : 0)\n"
        }
        try harness.write("noise.csv", text)
        #expect(harness.run("load noise.csv label=label\nsplit seed=1\nmodel 1 output=sigmoid\ntrain epochs=2\nerrors top=0\nbaseline seed=3") == 0, "\(harness.console.errors)")
        #expect(harness.console.output.contains("less than the ROC AUC's standard error on these 80 rows"), "\(harness.console.output)")
        #expect(!harness.console.output.contains("is not the better detector"), "\(harness.console.output)")
    }

    @Test func anotherPartThanErrorsIsNamedAndNoSplitIsNoted() throws {
        let harness = try BaselineCommandTests.scored()
        #expect(harness.execute("baseline pca on=all"))
        #expect(harness.console.output.contains("scored on the 846 rows\n"), "\(harness.console.output)")
        #expect(!harness.console.output.contains("846 rows that `errors` scored"))
        let fresh = try ShellHarness()
        #expect(fresh.run("load \(BaselineCommandTests.vehicle) label=label\nbaseline pca") == 0, "\(fresh.console.errors)")
        #expect(fresh.console.output.contains("note: there is no `split`, so the baselines were fitted on"), "\(fresh.console.output)")
    }
}
