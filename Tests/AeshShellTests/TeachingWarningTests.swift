import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// The warnings that teach (issue 15 item 3): each appears where it applies, once in a session,
/// and not where it does not apply.
struct TeachingWarningTests {
    private static func occurrences(_ text: String, in output: String) -> Int {
        output.components(separatedBy: text).count - 1
    }

    /// 60 rows: "small" spread about 0.01, "large" about 100, and a 0/1 column named `label`.
    private static let mixedScales = "small,large,label\n" + (0..<60).map { i in
        "\(Double(i % 7) * 0.01),\(Double(i % 11) * 100),\(i % 10 == 0 ? 1 : 0)"
    }.joined(separator: "\n") + "\n"

    @Test func sigmoidOutputOnDataOutsideZeroToOneWarnsOnce() throws {
        let harness = try ShellHarness()
        #expect(harness.run("""
        generate normal=200 anomalies=20 features=4 seed=3
        split test=0.25 seed=3
        scale standard
        model 2 output=sigmoid
        train epochs=2 seed=1
        train epochs=2 seed=2
        """) == 0)
        let output = harness.console.output
        #expect(Self.occurrences("warning: the sigmoid output gives values in 0..1 only", in: output) == 1, "\(output)")
        #expect(output.contains("Use `model … output=linear`, or `scale minmax` for a sigmoid"))
    }

    @Test func sigmoidOutputOnMinMaxScaledTrainingRowsDoesNotWarn() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=200 anomalies=20 features=4 seed=3\nsplit test=0.25 seed=3\nscale minmax\nmodel 2 output=sigmoid\ntrain epochs=2 seed=1") == 0)
        #expect(!harness.console.output.contains("warning: the sigmoid output"), "\(harness.console.output)")
    }

    @Test func unscaledColumnsOfVeryDifferentSpreadWarnOnce() throws {
        let harness = try ShellHarness()
        try harness.write("mixed.csv", Self.mixedScales)
        #expect(harness.run("load mixed.csv label=label\nscale none\nmodel 1 output=linear\ntrain epochs=1 seed=1\ntrain epochs=1 seed=1") == 0)
        let output = harness.console.output
        #expect(Self.occurrences("warning: the features are not scaled", in: output) == 1, "\(output)")
        #expect(output.contains("(sd of \"large\""))
        #expect(output.contains("`scale standard` puts every column on one footing"))
        let scaled = try ShellHarness()
        try scaled.write("mixed.csv", Self.mixedScales)
        #expect(scaled.run("load mixed.csv label=label\nscale standard\nmodel 1 output=linear\ntrain epochs=1 seed=1") == 0)
        #expect(!scaled.console.output.contains("not scaled"))
    }

    @Test func bottleneckAsWideAsTheInputWarns() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=100 anomalies=10 features=3 seed=2\nscale standard\nmodel 8,3,8 output=linear\ntrain epochs=1 seed=1") == 0)
        let output = harness.console.output
        #expect(output.contains("warning: the bottleneck (3 units) is as wide as the input (3 columns)"), "\(output)")
        let narrow = try ShellHarness()
        #expect(narrow.run("generate normal=100 anomalies=10 features=3 seed=2\nscale standard\nmodel 8,2,8 output=linear\ntrain epochs=1 seed=1") == 0)
        #expect(!narrow.console.output.contains("warning: the bottleneck"))
    }

    @Test func lossStillFallingFastAtTheLastEpochWarns() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=400 anomalies=20 features=6 seed=4\nscale standard\nmodel 3 output=linear\ntrain epochs=4 lr=0.001 seed=1") == 0)
        let output = harness.console.output
        #expect(output.contains("warning: the validation loss was still falling fast at the last epoch"), "\(output)")
        #expect(output.contains("`train more=4` goes on from here"))
    }

    @Test func lateFallIsJudgedOverTheLastTenthOfTheEpochs() {
        func history(_ losses: [Double]) -> [EpochReport] {
            losses.enumerated().map { EpochReport(epoch: $0.offset + 1, loss: $0.element, validationLoss: nil) }
        }
        #expect(TrainWarnings.lateFall(history([1.0, 0.9, 0.8, 0.7]))?.epochs == 2)
        #expect(TrainWarnings.lateFall(history([1.0, 0.5, 0.499, 0.498])) == nil, "flat at the end")
        #expect(TrainWarnings.lateFall(history([1.0, 0.9])) == nil, "too few epochs to judge")
        let long = (0..<100).map { 1.0 / Double($0 + 1).squareRoot() }  // the last 10 epochs fall by 5 %
        #expect(TrainWarnings.lateFall(history(long)) == nil)
        // Training loss falling, validation loss flat: overfitting, not unfinished learning.
        let overfitting = (0..<20).map { EpochReport(epoch: $0 + 1, loss: 1.0 - 0.04 * Double($0), validationLoss: 0.5) }
        #expect(TrainWarnings.lateFall(overfitting) == nil)
        let stillLearning = (0..<20).map { EpochReport(epoch: $0 + 1, loss: 0.5, validationLoss: 1.0 - 0.04 * Double($0)) }
        #expect(TrainWarnings.lateFall(stillLearning) != nil)
        let steep = (0..<100).map { 1.0 - 0.009 * Double($0) }  // the last 10 epochs fall from 0.199 to 0.109
        #expect(TrainWarnings.lateFall(history(steep)) != nil)
    }

    @Test func aLabelColumnLoadedAsAFeatureWarns() throws {
        let harness = try ShellHarness()
        try harness.write("mixed.csv", Self.mixedScales)
        #expect(harness.run("load mixed.csv\nscale standard\nmodel 1 output=linear\ntrain epochs=1 seed=1") == 0)
        let output = harness.console.output
        #expect(output.contains("warning: column \"label\" holds only 0 and 1 and is named like a label"), "\(output)")
        #expect(output.contains("`load FILE label=label` keeps it out"))
        let labelled = try ShellHarness()
        try labelled.write("mixed.csv", Self.mixedScales)
        #expect(labelled.run("load mixed.csv label=label\nscale standard\nmodel 1 output=linear\ntrain epochs=1 seed=1") == 0)
        #expect(!labelled.console.output.contains("named like a label"))
    }

    @Test func bestF1WarnsThatItUsedTheLabelsOnce() throws {
        let harness = try ShellHarness()
        #expect(harness.run("""
        generate normal=200 anomalies=20 features=4 seed=3
        split test=0.25 seed=3
        scale standard
        model 2 output=linear
        train epochs=2 seed=1
        errors top=0
        threshold best-f1
        threshold 0.9
        threshold best-f1
        """) == 0)
        let output = harness.console.output
        #expect(Self.occurrences("warning: best-f1 chose the cut with the labels", in: output) == 1, "\(output)")
        #expect(!output.contains("warning: the sigmoid"), "a linear output on standard-scaled rows does not warn")
    }
}

/// The bottleneck warning gives advice that can be followed (a new-user trial found it advising
/// `model 1` for the 1 → 1 → 1 network it had just built).
struct BottleneckAdviceTests {
    @Test func oneColumnIsNotToldToNarrowItsBottleneck() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=60 anomalies=5 features=1 seed=1\nsplit\ntrain epochs=2") == 0)
        let output = harness.console.output
        #expect(output.contains("is as wide as the input (1 column)") && output.contains("With one column no bottleneck can be narrower"), "\(output)")
        #expect(!output.contains("e.g. `model 1`"), "\(output)")
    }

    @Test func aBottleneckWiderThanTheInputIsCalledWider() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=60 anomalies=5 features=2 seed=1\nsplit\nscale standard\nmodel 50,50 output=linear\ntrain epochs=2") == 0)
        #expect(harness.console.output.contains("the bottleneck (50 units) is wider than the input (2 columns)"), "\(harness.console.output)")
    }
}
