import Testing
@testable import AeshShell

/// Counts of one are singular, and notes that do not apply are not given (a new-user trial
/// found "1 columns", "top 1 rows", "after 1 iterations", and "the loss did not fall" for a loss of 0).
struct MessageWordingTests {
    @Test func oneColumnOneRowAndOneIterationAreSingular() throws {
        let harness = try ShellHarness()
        try harness.write("one.csv", "a\n" + (0..<40).map { "\(Double($0 % 9) / 3)\n" }.joined())
        #expect(harness.run("load one.csv\ntrain epochs=2\nerrors top=1\ntsne on=input perplexity=5 iterations=1") == 0, "\(harness.console.errors)")
        let output = harness.console.output
        #expect(output.contains("loaded 40 rows × 1 column from one.csv"), "\(output)")
        #expect(output.contains("top 1 row by error:"), "\(output)")
        #expect(output.contains("rows × 1 input column → 2-D"), "\(output)")
        #expect(output.contains("after 1 iteration;"), "\(output)")
        for plural in ["1 columns", "1 rows", "1 iterations", "1 input columns"] {
            #expect(!output.contains(plural), "\(plural) in \(output)")
        }
    }

    @Test func aLossOfZeroFromTheStartIsNotCalledAFailureToFall() throws {
        let harness = try ShellHarness()
        try harness.write("zero.csv", "a,b\n" + String(repeating: "0,0\n", count: 50))
        #expect(harness.run("load zero.csv\nscale none\nmodel 1 output=linear\ntrain epochs=3") == 0, "\(harness.console.errors)")
        #expect(!harness.console.output.contains("the loss did not fall"), "\(harness.console.output)")
    }
}
