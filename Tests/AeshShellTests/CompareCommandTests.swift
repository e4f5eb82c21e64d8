import Foundation
import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// `compare` lists every model trained or opened in the session, with the numbers `train` and
/// `evaluate` reported for it.
struct CompareCommandTests {
    /// The table rows `compare` printed last (the lines after its header rule).
    private func tableRows(_ output: String) -> [String] {
        let lines = output.components(separatedBy: "\n")
        guard let rule = lines.lastIndex(where: { $0.hasPrefix("  ──") }) else { return [] }
        return lines[(rule + 1)...].filter { !$0.isEmpty }
    }

    private func cells(_ row: String) -> [String] {
        row.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    }

    @Test func twoTrainedModelsAreListedWithTheirTrainingAndEvaluation() throws {
        let harness = try ShellHarness()
        #expect(harness.run("""
        generate normal=300 anomalies=30 features=4 shift=2 seed=3
        split test=0.3 seed=3
        scale standard
        model 2
        train epochs=3 seed=3
        errors top=0
        threshold 0.9
        evaluate
        model 3,1,3 activation=tanh output=linear
        train epochs=2 seed=4
        """) == 0)
        let session = harness.shell.session
        #expect(session.modelSummaries.count == 2)
        let first = try #require(session.modelSummaries.first)
        let evaluation = try #require(first.evaluation)
        #expect(harness.execute("compare"))
        let rows = tableRows(harness.console.output)
        #expect(rows.count == 2, "\(harness.console.output)")
        let one = cells(try #require(rows.first))
        let two = cells(try #require(rows.last))
        let d = session.settings.precision
        #expect(one == ["1", "trained", "4-2-4", "relu/sigmoid", "3",
                        try Format.number(#require(first.loss), digits: d + 2),
                        try Format.number(#require(first.validationLoss), digits: d + 2),
                        "percentile", "0.9", "test",
                        try Format.number(#require(evaluation.rocAUC), digits: d),
                        try Format.number(#require(evaluation.averagePrecision), digits: d),
                        Format.number(evaluation.anomaly.f1, digits: d)], "\(rows)")
        // The current model, not evaluated: its training numbers, dashes for the rest.
        let model = try #require(session.model)
        let last = try #require(model.history.last)
        #expect(two == ["2*", "trained", "4-3-1-3-4", "tanh/linear", "2",
                        Format.number(last.loss, digits: d + 2),
                        try Format.number(#require(last.validationLoss), digits: d + 2),
                        "–", "–", "–", "–", "–"], "\(rows)")
        // The first row's AUC is the one `evaluate` printed.
        #expect(harness.console.output.contains("ROC AUC \(try Format.number(#require(evaluation.rocAUC), digits: d))"))
    }

    @Test func evaluateUpdatesTheCurrentModelsRowAndTrainMoreAddsOne() throws {
        let harness = try ShellHarness()
        #expect(harness.run("""
        generate normal=200 anomalies=20 features=3 shift=2 seed=8
        split test=0.3 seed=8
        train epochs=2 seed=8
        errors top=0
        threshold 0.5
        evaluate
        threshold sigma=2
        evaluate
        """) == 0)
        #expect(harness.shell.session.modelSummaries.count == 1)
        let summary = try #require(harness.shell.session.modelSummaries.first)
        #expect(summary.threshold?.rule == .sigma(2))
        #expect(summary.evaluation == harness.shell.session.evaluation)
        #expect(harness.execute("train more=2"))
        #expect(harness.shell.session.modelSummaries.count == 2)
        #expect(harness.shell.session.modelSummaries.last?.epochs == 4)
        #expect(harness.shell.session.modelSummaries.last?.evaluation == nil)
        // An early stop shows the epoch whose weights were kept.
        #expect(harness.execute("train epochs=60 patience=1 lr=0.5 seed=8"))
        let stopped = try #require(harness.shell.session.modelSummaries.last)
        let kept = try #require(stopped.keptEpoch)
        #expect(stopped.loss == harness.shell.session.model?.weightsEpoch?.loss)
        #expect(harness.execute("compare"))
        #expect(tableRows(harness.console.output).last.map(cells)?[4...5] == ["\(try #require(stopped.epochs))", "(kept"])
        #expect(tableRows(harness.console.output).last?.contains("(kept \(kept))") == true)
    }

    @Test func anOpenedModelIsListedByItsPathWithItsThreshold() throws {
        let harness = try ShellHarness()
        #expect(harness.run("""
        generate normal=200 anomalies=20 features=3 seed=2
        train epochs=2 seed=2
        errors top=0
        threshold 0.95
        save m.aemodel
        open m.aemodel
        errors on=all top=0
        evaluate
        compare
        """) == 0)
        let rows = tableRows(harness.console.output)
        #expect(rows.count == 2, "\(rows)")
        let opened = cells(try #require(rows.last))
        #expect(opened.prefix(5) == ["2*", "m.aemodel", "5×3-1-1-1-3", "relu/sigmoid", "–"], "\(rows)")
        #expect(opened[7...9] == ["percentile", "0.95", "all"], "\(rows)")
        let evaluation = try #require(harness.shell.session.evaluation)
        #expect(opened.last == Format.number(evaluation.anomaly.f1, digits: harness.shell.session.settings.precision))
    }

    @Test func byOrdersBestFirst() throws {
        let harness = try ShellHarness()
        var script = "generate normal=300 anomalies=60 features=4 shift=1 seed=11\nsplit test=0.4 seed=11\nscale standard\n"
        for (k, hidden) in ["1", "3", "2"].enumerated() {
            script += "model \(hidden)\ntrain epochs=\(2 + k) seed=\(k)\nerrors top=0\nthreshold 0.9\nevaluate\n"
        }
        #expect(harness.run(script) == 0)
        let summaries = harness.shell.session.modelSummaries
        let aucs = summaries.compactMap { $0.evaluation?.rocAUC }
        #expect(aucs.count == 3)
        #expect(Set(aucs).count == 3, "the three models should differ in ROC AUC: \(aucs)")
        let expected = aucs.indices.sorted { aucs[$0] > aucs[$1] }.map { String($0 + 1) }
        #expect(harness.execute("compare by=auc"))
        let listed = tableRows(harness.console.output).compactMap { cells($0).first?.replacingOccurrences(of: "*", with: "") }
        #expect(listed == expected)
        let losses = summaries.compactMap(\.loss)
        #expect(harness.execute("compare by=loss"))
        let byLoss = tableRows(harness.console.output).compactMap { cells($0).first?.replacingOccurrences(of: "*", with: "") }
        #expect(byLoss == losses.indices.sorted { losses[$0] < losses[$1] }.map { String($0 + 1) })
    }

    @Test func nothingToCompareOrABadOrderIsAnErrorAndResetEmptiesTheList() throws {
        let harness = try ShellHarness()
        let before = harness.fingerprint
        #expect(!harness.execute("compare"))
        #expect(harness.console.errors.contains("compare: no models to compare yet: `train` or `open` one"), "\(harness.console.errors)")
        #expect(harness.fingerprint == before)
        #expect(harness.run("generate normal=50 anomalies=5 features=2 seed=1\ntrain epochs=1") == 0)
        #expect(!harness.execute("compare by=speed"))
        #expect(harness.console.errors.contains("by must be run, auc, ap, f1, loss"), "\(harness.console.errors)")
        #expect(harness.execute("reset"))
        #expect(harness.shell.session.modelSummaries.isEmpty)
        #expect(!harness.execute("compare"))
    }
}
