import Testing
@testable import AeshShell

/// Columns a scaler leaves unscaled are named whichever scaling fitted them, the default one
/// included, and a column that varies is not called constant (a new-user trial found the default
/// min-max silent and robust scaling calling a sparse column spread-less).
struct ConstantColumnNoteTests {
    static let text = "a,sparse,const,big,label\n" + (0..<200).map { r in
        "\(Double(r % 17) / 4),\(r % 20 == 0 ? 5.0 + Double(r % 3) : 0),1,\(1_700_000_000.125 + Double(r % 4)),\(r % 25 == 0 ? 1 : 0)\n"
    }.joined()

    @Test func theDefaultScalingNamesConstantColumns() throws {
        let harness = try ShellHarness()
        try harness.write("c.csv", Self.text)
        #expect(harness.run("load c.csv label=label\nsplit seed=1\ntrain epochs=1") == 0, "\(harness.console.errors)")
        let output = harness.console.output
        #expect(output.contains(#"note: "const", "big" are constant on the training rows"#), "\(output)")
        #expect(output.contains(#""big" holds values of 2^24 or more, which 32-bit floats keep to about 7 significant digits"#), "\(output)")
    }

    @Test func robustScalingTellsAColumnWithNoQuartileRangeFromAConstantOne() throws {
        let harness = try ShellHarness()
        try harness.write("c.csv", Self.text)
        #expect(harness.run("load c.csv label=label\nsplit seed=1\nscale robust") == 0, "\(harness.console.errors)")
        let output = harness.console.output
        #expect(output.contains(#""sparse" varies but has an interquartile range of 0 on the training rows"#), "\(output)")
        #expect(output.contains(#""const", "big" are constant"#), "\(output)")
        #expect(!output.contains(#""sparse", "const""#), "\(output)")
    }
}
