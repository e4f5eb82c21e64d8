import Foundation
import Testing
@testable import AeshShell

/// The t-SNE chart of the latent codes carries the epochs trained in its title and, in script
/// mode, in its file name (seed 000's tsne_<epochs>.png).
struct LatentSeriesTests {
    @Test func latentMapsAreNamedAfterTheEpochsTrained() throws {
        let harness = try ShellHarness()
        let script = """
        generate normal=300 anomalies=30 features=4 seed=1
        model 2
        train epochs=2 seed=1
        tsne rows=60 iterations=250 seed=1
        plot tsne
        train more=3
        tsne rows=60 iterations=250 seed=1
        plot tsne
        """
        #expect(harness.run(script, name: "latent.aesh") == 0, "\(harness.console.errors)")
        let output = harness.console.output
        #expect(output.contains("latent-05-tsne_2.png"), "\(output)")
        #expect(output.contains("latent-08-tsne_5.png"), "\(output)")
        #expect(FileManager.default.fileExists(atPath: harness.folder + "/out/latent-08-tsne_5.png"))
        let chart = TSNEChart.embedding(try #require(harness.shell.session.embedding), scores: nil, threshold: nil)
        #expect(chart.title.hasPrefix("t-SNE of the latent codes after 5 epochs"))
    }

    @Test func theLatentScriptShipsAndParses() throws {
        let text = try String(contentsOfFile: ShellHarness.repositoryRoot + "/scripts/latent.aesh", encoding: .utf8)
        #expect(text.contains("train more="))
        #expect(text.components(separatedBy: "plot tsne").count - 1 == 3)
    }
}
