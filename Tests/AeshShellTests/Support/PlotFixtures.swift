import Foundation
import Testing
@testable import AeshShell

/// A trained session to plot from, and what each chart must say.
enum PlotFixtures {
    static let kinds = ["loss", "errors", "scores", "roc", "pr"]

    /// The title, x label and y label each chart must show.
    static let labels: [String: [String]] = [
        "loss": ["Training loss per epoch", "epoch", "loss (mean squared error)", "training loss", "validation loss"],
        "errors": ["Reconstruction errors", "reconstruction error (mean squared error of the row)", "rows per bin",
                   "normal rows (label = 0)", "anomaly rows (label = 1)", "threshold"],
        "scores": ["Reconstruction error per row", "row of the data (counted from 0)", "reconstruction error (mean squared error",
                   "flagged: above the threshold", "threshold"],
        "roc": ["ROC curve", "false positive rate (normal rows flagged)", "true positive rate", "AUC", "threshold"],
        "pr": ["Precision-recall curve", "recall (anomalies flagged)", "precision (flagged rows that are anomalies)",
               "average precision", "threshold"],
    ]

    /// A session with data, a model, training history with validation, scores and a threshold.
    static func trained() throws -> ShellHarness {
        let harness = try ShellHarness()
        let failures = harness.run("""
        generate normal=400 anomalies=40 features=6 shift=3 seed=3
        split test=0.5 seed=3
        scale standard
        model 3 output=linear
        train epochs=4 batch=32 lr=0.01 seed=3 validation=0.2
        errors
        threshold 0.9
        """, name: "setup.aesh")
        #expect(failures == 0, "\(harness.console.errors)")
        return harness
    }

    static func data(_ harness: ShellHarness, _ name: String) throws -> Data {
        try #require(FileManager.default.contents(atPath: harness.folder + "/" + name), "\(name) was not written")
    }
}
