import Testing
@testable import AeshShell

/// `show` and `model` tell the truth about the weights in use after training kept earlier ones or
/// a new architecture was chosen.
struct StaleStateTests {
    @Test func showReportsTheLossOfTheKeptWeights() throws {
        let harness = try ShellHarness()
        // A learning rate this large makes the validation loss stop improving early.
        #expect(harness.run("generate normal=300 anomalies=0 features=4 seed=3\nscale standard\nmodel 2 output=linear\ntrain epochs=60 lr=0.5 patience=2 seed=3") == 0)
        let model = try #require(harness.shell.session.model)
        let kept = try #require(model.keptEpoch, "training should have stopped early: \(harness.console.output)")
        #expect(kept < model.history.count)
        let keptLoss = try #require(model.history.first { $0.epoch == kept }).loss
        #expect(harness.execute("show"))
        let shown = Format.number(keptLoss, digits: harness.shell.session.settings.precision + 2)
        #expect(harness.console.output.contains("loss \(shown) (the kept weights of epoch \(kept))"), "\(harness.console.output)")
    }

    @Test func choosingAModelAfterTrainingSaysTheOldNetworkIsStillUsed() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=100 anomalies=10 seed=1\ntrain epochs=1\nmodel 4") == 0)
        #expect(harness.console.output.contains("note: until you `train`, errors, threshold and evaluate still use the current model (a seed ensemble of 5 × 10 → 5 → 2 → 5 → 10)"), "\(harness.console.output)")
    }
}
