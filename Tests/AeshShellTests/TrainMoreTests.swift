import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// `train more=N` goes on with the last run: the same weights as one run of all the epochs.
struct TrainMoreTests {
    private let setup = "generate normal=400 anomalies=40 features=6 seed=4\nsplit test=0.25 seed=4\nscale standard\nmodel 4,2,4 output=linear\n"

    @Test func threeThenFiveEqualsEight() throws {
        let whole = try ShellHarness()
        #expect(whole.run(setup + "train epochs=8 batch=16 seed=7\nerrors on=all") == 0)
        let stepped = try ShellHarness()
        #expect(stepped.run(setup + "train epochs=3 batch=16 seed=7\ntrain more=5\nerrors on=all") == 0, "\(stepped.console.errors)")
        let a = try #require(whole.shell.session.model), b = try #require(stepped.shell.session.model)
        #expect(a.network == b.network)
        #expect(a.history == b.history)
        #expect(whole.shell.session.scores?.errors == stepped.shell.session.scores?.errors)
        #expect(stepped.console.output.contains("for 8 epochs"))
        #expect(stepped.console.output.contains("epoch 4/8"))
    }

    @Test func moreIsRefusedWhereItCannotGoOn() throws {
        let harness = try ShellHarness()
        #expect(harness.run(setup) == 0)
        #expect(!harness.execute("train more=2"))
        #expect(harness.console.errors.contains("there is none: `train` first"))
        #expect(harness.run("train epochs=2") == 0)
        #expect(!harness.execute("train more=2 lr=0.1"))
        #expect(harness.console.errors.contains("more= goes on with the settings of the run it continues: give it alone"))
        #expect(harness.run("split test=0.5 seed=9") == 0)
        #expect(!harness.execute("train more=2"))
        #expect(harness.console.errors.contains("the training rows or their scaling changed"))
    }
}
