import Foundation
import Ink
import Testing
@testable import AeshShell

/// Reports written in-process from a replay with prose, charts, a failing cell and data whose
/// column and file names hold markup.
@Suite(.needsGnuplot) struct ReportContentTests {
    static let evilColumn = "<script>alert(1)</script>&`x`|y"
    static let evilFile = "a&<b>|`c`.csv"

    /// A harness that has replayed the report script (one cell of it fails, `--keep-going`).
    static func replayed() throws -> ShellHarness {
        let harness = try ShellHarness()
        var csv = "\"\(evilColumn)\",b,label\n"
        for i in 0..<120 { csv += "\(Double(i % 7) / 7),\(Double(i % 5) / 5),\(i % 12 == 0 ? 1 : 0)\n" }
        try harness.write(evilFile, csv)
        let failures = harness.run("""
        #' # Anomalies & outliers
        #' A *short* replay.
        load "\(evilFile)" label=label
        describe
        #' ## Training
        split seed=1
        scale standard
        model 2
        train epochs=2 seed=1
        errors
        plot errors
        threshold nonsense
        plot loss
        """, name: "r.aesh", keepGoing: true)
        #expect(failures == 1)
        return harness
    }

    static func write(_ harness: ShellHarness, _ name: String, times: Bool = true) throws -> String {
        try ReportWriter.write(ReportRequest(path: harness.folder + "/" + name, commandLine: ["aesh", "--report", name, "r.aesh"],
                                             times: times, fallbackTitle: "r"),
                               log: harness.shell.log, session: harness.shell.session, environment: harness.shell.environment)
        return try #require(harness.read(name))
    }

    @Test func htmlReportHasTitleContentsCellsChartsAndProvenance() throws {
        let harness = try Self.replayed()
        let html = try Self.write(harness, "r.html")
        #expect(html.contains("<title>Anomalies &amp; outliers</title>"))
        #expect(html.contains("<h1 id=\"s-1\">Anomalies &amp; outliers</h1>"))
        #expect(html.contains("<li class=\"level-2\"><a href=\"#s-2\">Training</a></li>"))
        #expect(html.contains("<em>short</em>"))
        for n in 1...10 { #expect(html.contains("<span class=\"prompt\">In [\(n)]:</span>"), "In [\(n)]") }
        // Two charts drawn, two inline SVGs, their ids kept apart.
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        #expect(html.contains("id='c10f1-gpPt0'") || html.contains("id=\"c10f1-gnuplot_canvas\""))
        // The failing cell is marked, with its error.
        #expect(html.components(separatedBy: "<section class=\"cell failed\"").count - 1 == 1)
        #expect(html.contains("r.aesh:12: threshold:"))
        #expect(html.contains("<span class=\"time\">"))
        // Provenance: version, command line, seed, the data file's size and SHA-256.
        let digest = try #require(FileDigest(path: harness.folder + "/" + Self.evilFile))
        #expect(html.contains("<dd>\(aeshVersion)</dd>"))
        #expect(html.contains("<dd>aesh --report r.html r.aesh</dd>"))
        #expect(html.contains("<dt>seed</dt><dd>42</dd>"))
        #expect(html.contains("<td class=\"number\">\(digest.size)</td><td><code>\(digest.sha256)</code></td>"))
        #expect(html.contains("<dt>OpenBLAS kernels</dt>") && html.contains("<dt>total time</dt>"))
        #expect(html.contains("r-08-errors.png</li>"))
    }

    @Test func htmlNeedsNoNetworkNoScriptAndEscapesNames() throws {
        let harness = try Self.replayed()
        let html = try Self.write(harness, "r.html")
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;`x`|y"))
        #expect(html.contains(ReportEscaping.html(harness.folder + "/" + Self.evilFile)))
        #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("@import"))
        let links = try NSRegularExpression(pattern: "href=[\"']([^\"']*)[\"']")
        let targets = links.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
        #expect(!targets.isEmpty && targets.allSatisfy { $0.hasPrefix("#") }, "\(targets.filter { !$0.hasPrefix("#") })")
    }

    @Test func markdownReportKeepsChartsBesideItAndEscapesNames() throws {
        let harness = try Self.replayed()
        let markdown = try Self.write(harness, "r.md")
        #expect(markdown.contains("# Anomalies & outliers\nA *short* replay."))
        #expect(markdown.contains("- [Training](#training)"))
        let images = markdown.components(separatedBy: "](r_files/").count - 1
        #expect(images == 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: harness.folder + "/r_files").sorted()
        #expect(files.count == 2)
        for file in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: harness.folder + "/r_files/" + file))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(file) is a PNG")
            #expect(markdown.contains("](r_files/\(file))"))
        }
        #expect(markdown.contains("**In [9]:**") && markdown.contains("**failed**"))
        // Rendered by a real Markdown parser, the names stay text and the table keeps its cells.
        let html = MarkdownParser().html(from: markdown)
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let digest = try #require(FileDigest(path: harness.folder + "/" + Self.evilFile))
        let row = try #require(html.components(separatedBy: "<tr>").first { $0.contains(digest.sha256) })
        #expect(row.components(separatedBy: "<td").count - 1 == 3, "\(row)")
        #expect(row.contains("a&amp;&lt;b&gt;|`c`.csv") || row.contains("a&amp;&lt;b&gt;&#124;&#96;c&#96;.csv"), "\(row)")
    }

    @Test func withoutTimesTheReportHasNoTimesOrDate() throws {
        let harness = try Self.replayed()
        let html = try Self.write(harness, "r.html", times: false)
        #expect(!html.contains("<span class=\"time\">") && !html.contains("<dt>date</dt>") && !html.contains("<dt>total time</dt>"))
        let markdown = try Self.write(harness, "r.md", times: false)
        #expect(!markdown.contains("| date |") && !markdown.contains(" s)\n"))
    }

    /// `report` at the prompt writes the session so far, without its own cell; a bad name is an
    /// error that leaves the session as it was.
    @Test func reportCommandWritesTheSessionSoFar() throws {
        let harness = try ShellHarness()
        #expect(harness.execute("generate normal=30 anomalies=3 features=2 seed=1"))
        #expect(harness.execute("describe"))
        #expect(harness.execute("report now.html times=no"), "\(harness.console.errors)")
        #expect(harness.console.output.contains("wrote the report to now.html"))
        let html = try #require(harness.read("now.html"))
        #expect(html.contains("In [1]:</span> <code>generate normal=30") && html.contains("In [2]:</span> <code>describe"))
        #expect(!html.contains("<code>report"))
        #expect(html.contains("<title>aesh session</title>"))
        let fingerprint = harness.fingerprint
        #expect(!harness.execute("report now.txt"))
        #expect(harness.console.errors.contains("must end in .html or .md"))
        #expect(!harness.execute("report missing/now.md"))
        #expect(harness.console.errors.contains("the folder \(harness.folder)/missing does not exist"))
        #expect(harness.fingerprint == fingerprint)
    }

    /// Raw HTML in prose that would run or fetch something is shown as text.
    @Test func proseCannotAddAScriptToThePage() {
        let (html, _) = ProseRenderer.render([.prose("Hi <script>alert(1)</script> <IFRAME src=x></iframe> <b>bold</b>")])
        let page = html[0] ?? ""
        #expect(!page.lowercased().contains("<script") && !page.lowercased().contains("<iframe"), "\(page)")
        #expect(page.contains("&lt;script>alert(1)&lt;/script>") && page.contains("<b>bold</b>"), "\(page)")
    }

    /// Event handlers, script addresses and styles in otherwise harmless tags are text too (a
    /// new-user trial got `<img src=x onerror=alert(1)>` into a report verbatim); links and images
    /// to ordinary addresses stay.
    @Test(arguments: [
        "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
        "<p style=\"background:url(http://x)\">x</p>", "<svg onload=alert(1)>", "<b onmouseover='x()'>b</b>",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">", "<form action=x><input></form>",
    ])
    func proseTagsThatRunOrFetchAreText(_ markup: String) {
        let (html, _) = ProseRenderer.render([.prose("Look: " + markup)])
        let page = (html[0] ?? "").lowercased()
        for active in ["<img", "<a ", "<p style", "<svg", "<b ", "<form", "<input"] {
            #expect(!page.contains(active), "\(markup) gave \(page)")
        }
    }

    @Test func proseKeepsOrdinaryLinksAndFormatting() {
        let (html, _) = ProseRenderer.render([.prose("See [the docs](https://example.org/a) and [below](#s-2), <kbd>Tab</kbd>, ![x](chart.png)")])
        let page = html[0] ?? ""
        #expect(page.contains("<a href=\"https://example.org/a\">") && page.contains("<a href=\"#s-2\">"), "\(page)")
        #expect(page.contains("<kbd>Tab</kbd>") && page.contains("<img src=\"chart.png\""), "\(page)")
    }

    @Test func repeatedChartIDsAreMadeUnique() {
        let svg = "<svg><g id=\"gnuplot_plot_1\" ><title>a</title></g><g id='gnuplot_plot_1'></g><g id=\"gnuplot_plot_1\"></g><g id=\"other\"></g></svg>"
        #expect(FigureRenderer.uniqueIDs(svg) == "<svg><g id=\"gnuplot_plot_1\" ><title>a</title></g><g id='gnuplot_plot_1-2'></g><g id=\"gnuplot_plot_1-3\"></g><g id=\"other\"></g></svg>")
    }

    @Test func terminalTextDropsColourAndKeepsTheLastRedraw() {
        #expect(TerminalText.plain("\u{1B}[1;34mIn\u{1B}[0m x\n[###   ] 50%\r[######] 100%\repoch 1\nend") == "In x\nepoch 1\nend")
    }
}
