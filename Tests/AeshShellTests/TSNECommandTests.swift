import Foundation
import Testing
@testable import AeshShell

/// `tsne` in a session, and the embedding it leaves for `export`.
@Suite struct TSNECommandTests {
    @Test func embedsTheLatentCodesAndExportsThem() throws {
        let harness = try ShellHarness()
        #expect(harness.run("""
        generate normal=120 anomalies=20 features=4 seed=3
        scale standard
        train epochs=2 seed=1
        tsne perplexity=10 iterations=300 seed=5
        export emb.csv what=embedding
        """) == 0, "\(harness.console.errors)")
        #expect(harness.console.output.contains("embedded 140 rows in 2-D: KL"))
        let text = try #require(harness.read("emb.csv"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "row,x,y,label")
        #expect(lines.count == 141)
        let cells = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(cells.count == 4)
        #expect(cells.dropFirst().dropLast().allSatisfy { Double($0)?.isFinite == true })
        #expect(lines.dropFirst().filter { $0.hasSuffix(",1") }.count == 20)
        let embedding = try #require(harness.shell.session.embedding)
        #expect(embedding.input == .latent && embedding.dimensions == 2 && embedding.coordinates.rows == 140)
    }

    @Test func threeDimensionsOfASampleOfTheInputs() throws {
        let harness = try ShellHarness()
        #expect(harness.run("""
        generate normal=150 anomalies=10 features=3 seed=3
        tsne on=input dims=3 rows=60 perplexity=8 iterations=100 method=bh init=random
        export emb.csv what=embedding
        """) == 0, "\(harness.console.errors)")
        #expect(harness.console.output.contains("seeded sample of 60 of 160 rows"))
        let lines = try #require(harness.read("emb.csv")).split(separator: "\n")
        #expect(lines.first == "row,x,y,z,label")
        #expect(lines.count == 61)
    }

    @Test(arguments: [
        ("tsne on=input perplexity=0", "perplexity"),
        ("tsne on=input dims=4", "dims"),
        ("tsne on=input method=fast", "method"),
        ("tsne on=input perplexity=100", "perplexity must be less than"),
        ("tsne", "on=latent needs a model"),
    ])
    func badArgumentsChangeNothing(line: String, message: String) throws {
        let harness = try ShellHarness()
        #expect(harness.execute("generate normal=40 anomalies=5 features=3 seed=1"))
        let before = harness.fingerprint
        #expect(!harness.execute(line))
        #expect(harness.console.errors.contains(message), "\(line): \(harness.console.errors)")
        #expect(harness.fingerprint == before && harness.shell.session.embedding == nil)
    }

    @Test func exportWithoutAnEmbeddingSaysWhatToDo() throws {
        let harness = try ShellHarness()
        #expect(harness.execute("generate normal=40 anomalies=5 features=3 seed=1"))
        #expect(!harness.execute("export e.csv what=embedding"))
        #expect(harness.console.errors.contains("run `tsne` first"))
    }
}
