import Foundation
import Testing
@testable import AeshShell

/// After `open`, data with more columns than the model's can still train a new model: `train`
/// says to choose its scaling with `scale`, and `scale` then does it (it refuses only on the open
/// model's own columns, where the model's scaler is the one that applies).
@Suite struct OpenThenTrainTests {
    @Test func theAdviceTrainGivesAfterOpenWorks() throws {
        let harness = try ShellHarness()
        let model = BadInput.path("three-columns.aemodel")
        #expect(harness.run("open \"\(model)\"\ngenerate normal=200 anomalies=0 features=5 seed=1") == 0, "\(harness.console.errors)")
        #expect(!harness.execute("train epochs=1 seed=1"))
        #expect(harness.console.errors.contains(
            "train: the open model's scaler (from \(model)) fits its 3 columns, the data has 5: choose how to scale all 5 for a new model with `scale standard` (or minmax, robust, none), then `train`"),
            "\(harness.console.errors)")
        #expect(harness.execute("scale standard"), "\(harness.console.errors)")
        #expect(harness.console.output.contains("note: the open model (\(model)) keeps its own scaler for its 3 columns; this scaling is for the next `train`, on all 5"),
                "\(harness.console.output)")
        #expect(harness.execute("train epochs=1 seed=1"), "\(harness.console.errors)")
        #expect(harness.shell.session.model?.columns == ["x0", "x1", "x2", "x3", "x4"])
    }
}
