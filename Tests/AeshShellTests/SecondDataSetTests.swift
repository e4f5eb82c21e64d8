import Testing
@testable import AeshShell

/// A second data set in one session: `load` of other columns starts the data part afresh, a
/// model whose columns the new file has stays, and `reset` clears everything but the settings.
struct SecondDataSetTests {
    private static let threeColumns = "a,b,c,label\n" + (0..<40).map { i in
        "\(Double(i % 7) / 7),\(Double(i % 5) / 5),\(Double(i % 3) / 3),\(i % 10 == 0 ? 1 : 0)"
    }.joined(separator: "\n") + "\n"
    private static let twoColumns = "p,q\n" + (0..<30).map { "\(Double($0) / 30),\(Double($0 % 4) / 4)" }.joined(separator: "\n") + "\n"

    @Test func loadingOtherColumnsAfterTrainingDropsTheModelAndSaysSo() throws {
        let harness = try ShellHarness()
        try harness.write("three.csv", Self.threeColumns)
        try harness.write("two.csv", Self.twoColumns)
        #expect(harness.run("load three.csv label=label\nsplit test=0.25 seed=1\nscale standard\nmodel 1\ntrain epochs=2 seed=1\nerrors\nthreshold 0.9\nload two.csv") == 0)
        let output = harness.console.output
        #expect(output.contains("new data: dropped the trained model (3 → 1 → 3) with its threshold, the split and the reconstruction errors"), "\(output)")
        let session = harness.shell.session
        #expect(session.model == nil)
        #expect(session.split == nil)
        #expect(session.scores == nil)
        #expect(session.data?.columnNames == ["p", "q"])
        #expect(session.scaler?.columnCount == 2, "standard scaling is refitted on the new columns")
        // The new data trains from scratch.
        #expect(harness.run("train epochs=1 seed=1\nerrors") == 0)
        #expect(harness.shell.session.model?.columns == ["p", "q"])
    }

    @Test func loadingTheSameColumnsKeepsTheModel() throws {
        let harness = try ShellHarness()
        try harness.write("three.csv", Self.threeColumns)
        try harness.write("again.csv", "c,b,a,extra\n0.1,0.2,0.3,9\n0.4,0.5,0.6,9\n")
        #expect(harness.run("load three.csv label=label\ntrain epochs=1 seed=1\nload again.csv\nerrors on=all") == 0)
        #expect(!harness.console.output.contains("new data: dropped the trained model"))
        #expect(harness.shell.session.model?.columns == ["a", "b", "c"])
        #expect(harness.shell.session.scores?.errors.count == 2)
    }

    @Test func resetClearsTheSessionButKeepsSettings() throws {
        let harness = try ShellHarness()
        try harness.write("three.csv", Self.threeColumns)
        #expect(harness.run("set seed 7\nset precision 3\nload three.csv label=label\ntrain epochs=1\nreset") == 0)
        let session = harness.shell.session
        #expect(session.data == nil)
        #expect(session.model == nil)
        #expect(session.scaler == nil)
        #expect(session.settings.seed == 7)
        #expect(session.settings.precision == 3)
        #expect(!harness.execute("errors"), "nothing to score after reset")
    }
}
