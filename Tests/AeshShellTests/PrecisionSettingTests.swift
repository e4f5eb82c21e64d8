import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// `set precision N` gives every printed number N digits, errors and losses as well as metrics;
/// `auto` (the default) keeps 4 for metrics and 6 for errors.
struct PrecisionSettingTests {
    static let script = "generate normal=200 anomalies=20 features=3 seed=5\nsplit test=0.25 seed=5\ntrain epochs=2 seed=5\nerrors top=3\nthreshold 0.9\nevaluate"

    @Test func aSetPrecisionAppliesToErrorsAsWellAsMetrics() throws {
        let harness = try ShellHarness()
        #expect(harness.run("set precision 3\n" + Self.script) == 0, "\(harness.console.errors)")
        let scores = try #require(harness.shell.session.scores)
        let threshold = try #require(harness.shell.session.threshold)
        let output = harness.console.output
        let worst = try #require(scores.errors.max())
        #expect(output.contains(" \(Format.number(worst, digits: 3))"), "\(output)")
        #expect(!output.contains(Format.number(worst, digits: 6)))
        #expect(output.contains("threshold \(Format.number(threshold.value, digits: 3)) ="), "\(output)")
        let loss = try #require(harness.shell.session.model?.history.last?.loss)
        #expect(output.contains("loss \(Format.number(loss, digits: 3))"))
        let evaluation = try #require(harness.shell.session.evaluation)
        #expect(output.contains("accuracy \(Format.number(evaluation.accuracy, digits: 3))\n"), "\(output)")
    }

    @Test func autoKeepsSixDigitsForErrorsAndFourForMetrics() throws {
        let harness = try ShellHarness()
        #expect(harness.run("set precision 3\nset precision auto\n" + Self.script) == 0, "\(harness.console.errors)")
        let worst = try #require(harness.shell.session.scores?.errors.max())
        let evaluation = try #require(harness.shell.session.evaluation)
        #expect(harness.console.output.contains(" \(Format.number(worst, digits: 6))"))
        #expect(harness.console.output.contains("accuracy \(Format.number(evaluation.accuracy, digits: 4))\n"))
        #expect(harness.shell.session.settings.listing.contains { $0 == ("precision", "auto") })
        #expect(!harness.execute("set precision 0"))
        #expect(harness.execute("help set"))
        #expect(harness.console.output.contains("a whole number from 1 to 12 or auto (default auto)"), "\(harness.console.output)")
    }
}
