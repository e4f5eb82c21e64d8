import Foundation
import Testing
@testable import AeshShell

/// Bad values, unknown commands and keys: one clear message, the session unchanged.
@Suite struct ArgumentErrorTests {
    static let prepared = """
    generate normal=300 anomalies=30 features=4 seed=3
    split test=0.2 seed=3
    scale standard
    model 2
    train epochs=2 seed=3
    errors
    """

    @Test(arguments: [
        ("train epochs=-5", "epochs must be a whole number from 1 to 100000, got \"-5\""),
        ("train epochs=0", "epochs must be a whole number from 1"),
        ("train epochs=1e12", "epochs must be a whole number from 1 to 100000, got \"1e12\""),
        ("train epochs=abc", "epochs must be a whole number"),
        ("train batch=0", "batch must be a whole number from 1"),
        ("train lr=abc", "lr must be a number greater than 0"),
        ("train lr=0", "lr must be a number greater than 0"),
        ("train lr=-1", "lr must be a number greater than 0"),
        ("train validation=1.5", "validation must be a number from 0 to 0.9"),
        ("train patience=0", "patience must be a whole number from 1"),
        ("train seed=-1", "seed must be a whole number from 0"),
        ("train epoch=5", "unknown key \"epoch\" (did you mean epochs?)"),
        ("train epochs=5 epochs=6", "epochs is given twice"),
        ("threshold 1.5", "a percentile must lie between 0 and 1"),
        ("threshold 0", "a percentile must lie between 0 and 1"),
        ("threshold 150%", "a percentile must lie between 0 and 1"),
        ("threshold 1", "(e.g. 92%), both ends excluded, got 1"),
        ("threshold value=-1", "value must be a number from 0 to 1e+300, got \"-1\""),
        ("threshold abc", "\"abc\" is not a threshold"),
        // One number syntax everywhere: decimal, as `set seed` already demands.
        ("generate normal=0x10", "normal must be a whole number from 0 to 50000000, got \"0x10\""),
        ("train lr=0x1p-10", "lr must be a number greater than 0"),
        ("threshold value=0x10", "value must be a number from 0 to 1e+300, got \"0x10\""),
        ("threshold 0x0.8p0", "\"0x0.8p0\" is not a threshold"),
        ("split test=inf", "test must be a number greater than 0 and less than 1"),
        ("model 0x8", "layer size must be a whole number from 1 to 100000, got \"0x8\""),
        ("set seed 0x10", "seed must be a whole number from 0"),
        ("threshold value=nan", "value must be a number"),
        ("threshold sigma=-1", "sigma must be a number from 0"),
        ("threshold 0.9 value=1", "give one of a percentile"),
        ("split test=1.0", "test must be a number greater than 0 and less than 1"),
        ("split test=0", "test must be a number greater than 0 and less than 1"),
        ("split stratify=maybe", "stratify must be yes or no"),
        ("scale standardize", "unknown scaling \"standardize\" (did you mean standard?)"),
        ("scale", "expected 1 argument, got 0"),
        ("model 0", "layer size must be a whole number from 1"),
        ("model 6,,3", "layer size must be a whole number"),
        ("model 6 activation=relux", "activation must be relu, sigmoid, tanh, linear, got \"relux\" (did you mean relu?)"),
        ("errors on=everything", "on must be test, train, all"),
        ("errors top=-1", "top must be a whole number from 0"),
        ("generate normal=-1", "normal must be a whole number from 0"),
        ("generate features=0", "features must be a whole number from 1"),
        ("generate normal=0 anomalies=0", "need at least one row"),
        ("generate shift=inf", "shift must be a number"),
        ("set seed abc", "seed must be a whole number"),
        ("set colour yes", "unknown setting \"colour\""),
        ("traim epochs=3", "unknown command \"traim\" (did you mean train?)"),
        ("evalute", "unknown command \"evalute\" (did you mean evaluate?)"),
        ("load \"unterminated.csv", "unterminated quote starting at column 6"),
        ("describe extra", "expected 0 arguments, got 1"),
        ("export out/x.csv what=pictures", "what must be scores, latent, embedding"),
        ("help trian", "unknown command \"trian\" (did you mean train?)"),
        ("explain nothing", "no explanation for \"nothing\""),
    ])
    func badInputIsRefusedAndChangesNothing(line: String, message: String) throws {
        let harness = try ShellHarness()
        #expect(harness.run(Self.prepared) == 0, "\(harness.console.errors)")
        let before = harness.fingerprint
        #expect(!harness.execute(line), "\(line) should fail")
        #expect(harness.console.errors.contains(message), "\(line): got \(harness.console.errors)")
        #expect(harness.fingerprint == before, "\(line) changed the session")
    }

    @Test func scriptStopsAtTheFirstFailureWithFileAndLine() throws {
        let harness = try ShellHarness()
        let failures = harness.run("""
        generate normal=100 anomalies=10 features=3 seed=1
        # a comment
        train epochs=0
        describe
        """, name: "broken.aesh")
        #expect(failures == 1)
        #expect(harness.console.errors.contains("broken.aesh:3: train: epochs must be"))
        #expect(harness.shell.session.history == ["generate normal=100 anomalies=10 features=3 seed=1"])
    }

    @Test func keepGoingReportsEveryFailure() throws {
        let harness = try ShellHarness()
        let failures = harness.run("""
        frobnicate
        generate normal=100 anomalies=10 features=3 seed=1
        train epochs=0
        describe
        """, name: "k.aesh", keepGoing: true)
        #expect(failures == 2)
        #expect(harness.console.errors.contains("k.aesh:1: unknown command"))
        #expect(harness.console.errors.contains("k.aesh:3: train:"))
        #expect(harness.shell.session.history.count == 2)
    }
}
