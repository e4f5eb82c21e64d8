import Foundation
import Testing
@testable import AeshShell

/// Every command given before what it needs fails with a message saying what to do, and changes nothing.
@Suite struct CommandOrderTests {
    @Test(arguments: [
        ("describe", "no data yet"),
        ("split", "no data yet"),
        ("scale standard", "no data yet"),
        ("train", "no data yet"),
        ("errors", "no data yet"),
        ("threshold 0.92", "no reconstruction errors yet"),
        ("threshold best-f1", "no reconstruction errors yet"),
        ("threshold sigma=3", "train a model"),
        ("threshold", "no threshold yet"),
        ("evaluate", "no reconstruction errors yet"),
        ("save model.aemodel", "no model yet"),
        ("export scores.csv", "no reconstruction errors yet"),
        ("export latent.csv what=latent", "no data yet"),
    ])
    func commandBeforeItsPrerequisite(line: String, message: String) throws {
        let harness = try ShellHarness()
        let before = harness.fingerprint
        #expect(!harness.execute(line))
        #expect(harness.console.errors.contains(message), "\(line): \(harness.console.errors)")
        #expect(harness.fingerprint == before)
    }

    @Test func errorsNeedsAModelAfterData() throws {
        let harness = try ShellHarness()
        #expect(harness.execute("generate normal=100 anomalies=10 features=3 seed=1"))
        #expect(!harness.execute("errors"))
        #expect(harness.console.errors.contains("no model yet"))
    }

    @Test func evaluateNeedsAThresholdAndLabels() throws {
        let harness = try ShellHarness()
        #expect(harness.run("""
        generate normal=200 anomalies=20 features=4 seed=1
        train epochs=1
        errors
        """) == 0)
        let before = harness.fingerprint
        #expect(!harness.execute("evaluate"))
        #expect(harness.console.errors.contains("no threshold yet"))
        #expect(harness.fingerprint == before)
    }

    @Test func evaluateWithoutLabelsSaysSo() throws {
        let harness = try ShellHarness()
        let rows = (0..<40).map { "\($0 % 7),\($0 % 5),\($0 % 3)" }.joined(separator: "\n")
        try harness.write("plain.csv", "a,b,c\n" + rows + "\n")
        #expect(harness.run("""
        load plain.csv
        train epochs=1
        errors
        threshold 0.9
        """) == 0, "\(harness.console.errors)")
        #expect(!harness.execute("evaluate"))
        #expect(harness.console.errors.contains("needs labels"))
        #expect(!harness.execute("threshold best-f1"))
        #expect(harness.console.errors.contains("best-f1 needs labels"))
    }
}
