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

    /// method=fft on five rows ran for minutes and printed negative and NaN KL values: it runs
    /// exact, says so, and every KL it prints is a number not below zero.
    @Test func fftOnFiveRowsRunsExactAndSaysSo() throws {
        let harness = try ShellHarness()
        #expect(harness.run("""
        generate normal=4 anomalies=1 features=3 seed=2
        tsne on=input method=fft perplexity=2
        """) == 0, "\(harness.console.errors)")
        let output = harness.console.output
        #expect(output.contains("method=fft's grid costs more than the exact sums on 1,000 rows or fewer: using method exact"))
        #expect(output.contains("method exact"))
        let values = output.components(separatedBy: "KL ").dropFirst().map { $0.prefix { !$0.isWhitespace && $0 != ")" } }
        #expect(values.count == 4, "\(output)")
        for value in values {
            let number = Double(value.hasSuffix(",") ? String(value.dropLast()) : String(value))
            #expect(number.map { $0.isFinite && $0 >= 0 } == true, "KL \(value)")
        }
        #expect(harness.shell.session.embedding?.method == .exact)
    }

    @Test(arguments: [
        ("tsne on=input perplexity=0", "perplexity"),
        ("tsne on=input dims=4", "dims"),
        ("tsne on=input method=fast", "method"),
        ("tsne on=input perplexity=100", "perplexity must be less than"),
        ("tsne", "on=latent needs a model"),
        ("tsne on=input dims=3 method=fft perplexity=5", "2-D only"),
        ("tsne on=input learning-rate=fast perplexity=5", "learning-rate"),
    ])
    func badArgumentsChangeNothing(line: String, message: String) throws {
        let harness = try ShellHarness()
        #expect(harness.execute("generate normal=40 anomalies=5 features=3 seed=1"))
        let before = harness.fingerprint
        #expect(!harness.execute(line))
        #expect(harness.console.errors.contains(message), "\(line): \(harness.console.errors)")
        // Refused before saying which method it would use or what it embeds.
        #expect(!harness.console.output.contains("t-SNE of") && !harness.console.output.contains("using method"), "\(line): \(harness.console.output)")
        #expect(harness.fingerprint == before && harness.shell.session.embedding == nil)
    }

    @Test func chartMarksTrueAndFlaggedAnomalies() throws {
        let harness = try ShellHarness()
        #expect(harness.run("""
        generate normal=100 anomalies=12 features=4 seed=3
        scale standard
        train epochs=2 seed=1
        errors on=all
        threshold 0.9
        tsne perplexity=10 iterations=100 seed=5
        """) == 0, "\(harness.console.errors)")
        let session = harness.shell.session
        let embedding = try #require(session.embedding)
        let chart = TSNEChart.embedding(embedding, scores: session.scores, threshold: session.threshold)
        #expect(chart.plotCommand.hasPrefix("plot $normal using 1:2"))
        #expect(chart.plotCommand.contains("true anomalies") && chart.plotCommand.contains("flagged"))
        let counts = Dictionary(uniqueKeysWithValues: chart.blocks.map { ($0.name, $0.rows.count) })
        #expect(counts["normal"] == 100 && counts["anomaly"] == 12)
        // 10 % of the 112 scored rows lie above the 90th percentile.
        #expect((10...12).contains(counts["flagged"] ?? 0))
        // Drawn by `plot tsne`, the chart names its data, the label column, its counts and the rule.
        let named = TSNEChart.embedding(embedding, scores: session.scores, threshold: session.threshold,
                                        subject: ChartSubject(session: session))
        #expect(named.subtitle?.hasPrefix("generated") == true && named.subtitle?.contains("model 4-") == true, "\(String(describing: named.subtitle))")
        #expect(named.plotCommand.contains("100 normal rows (label = 0)") && named.plotCommand.contains("12 true anomalies (label = 1)"), "\(named.plotCommand)")
        #expect(named.plotCommand.contains("\(counts["flagged"] ?? 0) flagged (above threshold "), "\(named.plotCommand)")

        #expect(harness.execute("tsne dims=3 perplexity=10 iterations=50"))
        let chart3 = TSNEChart.embedding(try #require(harness.shell.session.embedding), scores: nil, threshold: nil)
        #expect(chart3.plotCommand.hasPrefix("splot $normal using 1:2:3") && chart3.zLabel != nil)
        #expect(!chart3.plotCommand.contains("flagged"))
    }

    @Test func exportWithoutAnEmbeddingSaysWhatToDo() throws {
        let harness = try ShellHarness()
        #expect(harness.execute("generate normal=40 anomalies=5 features=3 seed=1"))
        #expect(!harness.execute("export e.csv what=embedding"))
        #expect(harness.console.errors.contains("run `tsne` first"))
    }
}
