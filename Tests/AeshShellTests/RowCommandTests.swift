import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// `row N` shows one row against its reconstruction, with the same error `errors` reports.
struct RowCommandTests {
    @Test func aRowShowsItsFeaturesAndTheErrorErrorsGives() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=200 anomalies=20 features=3 seed=5\nsplit test=0.25 seed=5\nscale standard\ntrain epochs=3 seed=5\nerrors top=1\nthreshold 0.9") == 0)
        let scores = try #require(harness.shell.session.scores)
        let data = try #require(harness.shell.session.data)
        let worst = try #require(scores.errors.indices.max { scores.errors[$0] < scores.errors[$1] })
        let number = data.sourceRows[scores.rowIndices[worst]]
        #expect(harness.execute("row \(number)"))
        let output = harness.console.output
        let digits = harness.shell.session.settings.precision + 2
        #expect(output.contains("row \(number): error \(Format.number(scores.errors[worst], digits: digits)), label"), "\(output)")
        for name in ["x0", "x1", "x2"] { #expect(output.contains("\n  \(name) ")) }
        #expect(output.contains("the threshold"))
        // The loaded value is shown as it was loaded.
        let first = Format.number(Double(data.features.values[scores.rowIndices[worst] * 3]), digits: digits)
        #expect(output.contains(first))
    }

    @Test func aRowThatIsNotThereIsRefusedNamingTheRange() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=10 anomalies=0 features=2 seed=1\ntrain epochs=1") == 0)
        let before = harness.fingerprint
        #expect(!harness.execute("row 10"))
        #expect(harness.console.errors.contains("row: there is no row 10 in the data: its rows go from 0 to 9"), "\(harness.console.errors)")
        #expect(!harness.execute("row -1"))
        #expect(!harness.execute("row x"))
        #expect(harness.fingerprint == before)
    }
}
