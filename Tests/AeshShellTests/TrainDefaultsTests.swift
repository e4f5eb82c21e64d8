import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// The defaults `train` takes for what the session did not name (issue 15 item 2), and that a
/// named setting always wins.
struct TrainDefaultsTests {
    @Test func epochsAimAtAboutThreeThousandAdamSteps() {
        // 1,693 rows less 10 % validation = 1,524 rows = 48 batches of 32: 63 epochs, 3,024 steps.
        #expect(TrainDefaults.epochs(rows: 1_693, batch: 32, validation: 0.1) == 63)
        // 70 rows, 63 trained = 2 batches: 1,500 epochs.
        #expect(TrainDefaults.epochs(rows: 70, batch: 32, validation: 0.1) == 1_500)
        #expect(TrainDefaults.epochs(rows: 1_000_000, batch: 32, validation: 0.1) == 20, "never fewer than 20")
        #expect(TrainDefaults.epochs(rows: 2, batch: 32, validation: 0.9) == 3_000)
        #expect(TrainDefaults.epochs(rows: 2, batch: 1, validation: 0) == 1_500)
        #expect(TrainDefaults.epochs(rows: 3, batch: 10_000_000, validation: 0) <= TrainDefaults.epochRange.upperBound)
        // An ensemble's networks aim at 1,000 steps each: 1,693 rows give 21 epochs, 1,008 steps.
        #expect(TrainDefaults.epochs(rows: 1_693, batch: 32, validation: 0.1, steps: TrainDefaults.steps(members: 5)) == 21)
        #expect(TrainDefaults.steps(members: 1) == 3_000)
    }

    @Test func theOutputFitsTheScaling() {
        #expect(TrainDefaults.architecture(columns: 18, scaling: .minmax) == Architecture(hidden: [9, 4, 9], activation: .relu, output: .sigmoid))
        #expect(TrainDefaults.architecture(columns: 18, scaling: .standard) == Architecture(hidden: [9, 4, 9], activation: .relu, output: .linear))
        #expect(TrainDefaults.architecture(columns: 18, scaling: .robust).output == .linear)
        #expect(TrainDefaults.architecture(columns: 18, scaling: nil).output == .linear)
        #expect(TrainDefaults.architecture(columns: 1, scaling: .standard).hidden == [1, 1, 1])
    }

    @Test func trainWithNothingNamedSaysWhatItTookAndTheModelKeepsTheScaling() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=300 anomalies=30 features=6 shift=4 seed=5\nsplit test=0.3 seed=42\ntrain seed=1\nerrors top=0") == 0,
                "\(harness.console.errors)")
        let output = harness.console.output
        #expect(output.contains("no `scale` given: min-max scaling fitted on the 210 training rows"), "\(output)")
        #expect(output.contains("no `model` given: using a seed ensemble of 5 networks 6 → 3 → 1 → 3 → 6 (relu, sigmoid output)"))
        #expect(output.contains("no epochs= given: 167 epochs, about 1,000 Adam steps of 32 rows for each network"), "\(output)")
        let session = harness.shell.session
        #expect(session.scaler == nil, "the default scaling belongs to the model, not to the next training")
        #expect(session.model?.scaler?.method == .minmax)
        #expect(!output.contains("warning: the sigmoid output"), "min-max scaled training rows lie in 0..1")
        // more= goes on with the same default scaling; a fresh train refits it.
        #expect(harness.run("train more=5") == 0, "\(harness.console.errors)")
        #expect(harness.shell.session.model?.scaler?.method == .minmax)
    }

    @Test func namedSettingsAreUsedAsGiven() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=300 anomalies=30 features=6 seed=5\nsplit test=0.3 seed=42\nscale standard\nmodel 3 output=sigmoid\ntrain epochs=4 seed=1") == 0)
        let output = harness.console.output
        #expect(!output.contains("no `scale` given"))
        #expect(!output.contains("no `model` given"))
        #expect(!output.contains("no epochs= given"))
        #expect(output.contains("for 4 epochs"))
        #expect(harness.shell.session.model?.scaler?.method == .standard)
        let none = try ShellHarness()
        #expect(none.run("generate normal=300 anomalies=30 features=6 seed=5\nscale none\ntrain epochs=2 seed=1") == 0)
        #expect(!none.console.output.contains("no `scale` given"))
        #expect(none.console.output.contains("no `model` given: using a seed ensemble of 5 networks 6 → 3 → 1 → 3 → 6 (relu, linear output)"), "\(none.console.output)")
    }
}
