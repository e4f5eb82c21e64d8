import Foundation
import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// The model keeps scoring as it was trained whatever happens to the data around it, and a saved
/// history replays to the same session.
@Suite struct SessionConsistencyTests {
    /// A CSV of the first `rows` generated rows with the columns in `order`.
    static func csv(_ data: Dataset, rows: Int, order: [Int]) -> String {
        var text = order.map { data.columnNames[$0] }.joined(separator: ",") + ",label\n"
        for r in 0..<rows {
            text += order.map { "\(data.features[r, $0])" }.joined(separator: ",") + ",\(data.labels?[r] ?? 0)\n"
        }
        return text
    }

    @Test func reorderedColumnsAndRescalingDoNotChangeTheModelsErrors() throws {
        let harness = try ShellHarness()
        #expect(harness.run("""
        generate normal=400 anomalies=40 features=3 shift=4 seed=2
        scale standard
        model 2 output=linear
        train epochs=3 seed=2
        """) == 0)
        let data = try #require(harness.shell.session.data)
        try harness.write("abc.csv", Self.csv(data, rows: 440, order: [0, 1, 2]))
        try harness.write("cab.csv", Self.csv(data, rows: 440, order: [2, 0, 1]))
        #expect(harness.run("load abc.csv label=label\nerrors on=all") == 0)
        let before = try #require(harness.shell.session.scores?.errors)
        // New data in another column order, rescaled and split: the model still sees what it was trained on.
        #expect(harness.run("load cab.csv label=label\nscale minmax\nsplit test=0.5 seed=1\nerrors on=all") == 0,
                "\(harness.console.errors)")
        #expect(harness.shell.session.scores?.errors == before)
        #expect(harness.console.output.contains("the current model keeps the scaling it was trained with"))
        // And a save writes the scaler the network was trained with.
        #expect(harness.execute("save out/m.aemodel"))
        let saved = try ModelFile.read(path: harness.folder + "/out/m.aemodel")
        #expect(saved.scaler?.method == .standard)
    }

    @Test func aSavedHistoryReplaysRunScriptsOnce() throws {
        let harness = try ShellHarness()
        try harness.write("inner.aesh", "generate normal=50 anomalies=5 features=2 seed=3\nset top 3\n")
        #expect(harness.run("run inner.aesh\nhistory save out/h.aesh") == 0, "\(harness.console.errors)")
        let saved = try #require(harness.read("out/h.aesh"))
        #expect(saved.hasSuffix("generate normal=50 anomalies=5 features=2 seed=3\nset top 3\n"))
        #expect(!saved.contains("run inner.aesh"))
    }

    @Test func oneLinerChartsCreateTheStartingOutputFolder() throws {
        let harness = try ShellHarness()
        harness.shell.createsOutputFolder = true
        harness.shell.startingOutputFolder = "charts"
        harness.shell.session.settings.outputFolder = "charts"
        #expect(harness.run("generate normal=60 anomalies=6 features=2 seed=1\ntrain epochs=2\nplot loss", name: "-c") == 0,
                "\(harness.console.errors)")
        #expect(FileManager.default.fileExists(atPath: harness.folder + "/charts/aesh-03-loss.png"))
    }
}
