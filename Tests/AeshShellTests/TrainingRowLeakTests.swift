import Testing
@testable import AeshShell

/// Errors of rows the model trained on flatter it: a `split` drawn after `train`, or no split at
/// all, says so instead of judging the model on its own training rows in silence.
struct TrainingRowLeakTests {
    static let leakNote = "are rows this model trained on (the split changed after `train`)"

    @Test func aNewSplitAfterTrainSaysHowManyTestRowsTheModelTrainedOn() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=200 anomalies=20 features=4 seed=2\nsplit seed=1\ntrain epochs=2\nerrors top=0") == 0)
        #expect(!harness.console.output.contains(Self.leakNote), "\(harness.console.output)")
        let model = try #require(harness.shell.session.model)
        let trained = Set(try #require(harness.shell.session.modelTrainingRows))
        #expect(harness.execute("split seed=2"))
        let test = try #require(harness.shell.session.split).testIndices
        let seen = test.filter(trained.contains).count
        #expect(seen > 0)
        #expect(harness.console.output.contains("note: the current model trained on \(Format.counted(seen, "row")) of the new test part"), "\(harness.console.output)")
        #expect(harness.execute("errors top=0"))
        #expect(harness.console.output.contains("note: \(Format.count(seen)) of the \(Format.counted(test.count, "test row")) \(Self.leakNote)"), "\(harness.console.output)")
        // The model itself is unchanged: only the judgement is flagged.
        #expect(harness.shell.session.model?.network == model.network)
    }

    @Test func errorsWithNoSplitSayTheModelTrainedOnTheseRows() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=100 anomalies=10 features=4 seed=2\ntrain epochs=2\nerrors top=0") == 0)
        #expect(harness.console.output.contains("note: there is no `split`, so the model trained on"), "\(harness.console.output)")
    }

    @Test func anOpenedModelOrTheTrainingPartGivesNoNote() throws {
        let harness = try ShellHarness()
        let model = harness.folder + "/m.aemodel"
        #expect(harness.run("generate normal=100 anomalies=10 features=4 seed=2\nsplit seed=1\ntrain epochs=2\nerrors on=train top=0\nsave \(model)\nopen \(model)\nsplit seed=5\nerrors top=0") == 0)
        #expect(!harness.console.output.contains("flatter"), "\(harness.console.output)")
        #expect(harness.shell.session.modelTrainingRows == nil)
    }
}
