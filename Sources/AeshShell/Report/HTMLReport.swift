import Foundation

/// The executed document as one self-contained HTML page: no network, no script; the charts are
/// inline SVG, a contents list links the headings, and the page reads on a phone and in print.
enum HTMLReport {
    /// The page for `content`; charts are drawn by gnuplot with `environment`.
    static func render(_ content: ReportContent, environment: [String: String]) throws -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="aesh \(ReportEscaping.html(aeshVersion))">
        <title>\(ReportEscaping.html(content.title))</title>
        <style>\(stylesheet)</style>
        </head>
        <body>
        <main>

        """
        if content.headings.isEmpty { html += "<h1 class=\"title\">\(ReportEscaping.html(content.title))</h1>\n" }
        // The contents list comes after the title: after a first prose cell, else first.
        let contentsAfter = content.leadingProse ? 0 : -1
        if contentsAfter < 0 { html += contents(content.headings) }
        let numbers = content.cellNumbers
        for (index, entry) in content.entries.enumerated() {
            defer { if index == contentsAfter { html += contents(content.headings) } }
            switch entry {
            case .prose:
                html += "<section class=\"prose\">\n\(content.proseHTML[index] ?? "")\n</section>\n"
            case .command(let record):
                html += try cell(record, number: numbers[index] ?? 0, index: index, times: content.times, environment: environment)
            case .failure(let message):
                html += "<section class=\"cell failed\"><p class=\"mark\">failed</p><pre class=\"error\">\(ReportEscaping.html(message))</pre></section>\n"
            }
        }
        html += provenance(content.provenance)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private static func contents(_ headings: [ReportHeading]) -> String {
        var html = "<nav class=\"contents\" aria-label=\"Contents\">\n<p class=\"contents-title\">Contents</p>\n<ul>\n"
        for heading in headings {
            html += "<li class=\"level-\(heading.level)\"><a href=\"#\(heading.id)\">\(ReportEscaping.html(heading.text))</a></li>\n"
        }
        return html + "<li class=\"level-2\"><a href=\"#provenance\">Provenance</a></li>\n</ul>\n</nav>\n"
    }

    private static func cell(_ record: CommandRecord, number: Int, index: Int, times: Bool,
                             environment: [String: String]) throws -> String {
        let failed = record.error != nil
        var html = "<section class=\"cell\(failed ? " failed" : "")\" id=\"cell-\(index + 1)\">\n<div class=\"input\">"
        html += "<span class=\"prompt\">In [\(number)]:</span> <code>\(ReportEscaping.html(record.cell.command))</code>"
        if times { html += " <span class=\"time\">\(ReportEscaping.html(Format.duration(record.seconds)))</span>" }
        if failed { html += " <span class=\"mark\">failed</span>" }
        html += "</div>\n"
        let output = TerminalText.plain(record.output)
        if !output.isEmpty { html += "<pre class=\"output\">\(ReportEscaping.html(output))</pre>\n" }
        for (k, figure) in record.figures.enumerated() {
            let svg = try FigureRenderer.svg(figure, prefix: "c\(index + 1)f\(k + 1)-", environment: environment)
            html += "<figure class=\"chart\" data-kind=\"\(ReportEscaping.html(figure.kind))\">\n\(svg)\n</figure>\n"
        }
        if let error = record.error { html += "<pre class=\"error\">\(ReportEscaping.html(TerminalText.plain(error)))</pre>\n" }
        return html + "</section>\n"
    }

    private static func provenance(_ provenance: Provenance) -> String {
        var html = "<section class=\"provenance\" id=\"provenance\">\n<h2>Provenance</h2>\n<dl>\n"
        for fact in provenance.facts {
            html += "<dt>\(ReportEscaping.html(fact.label))</dt><dd>\(ReportEscaping.html(fact.value))</dd>\n"
        }
        html += "</dl>\n<h3>Files read</h3>\n"
        if provenance.filesRead.isEmpty {
            html += "<p>none</p>\n"
        } else {
            html += "<div class=\"wide\"><table>\n<thead><tr><th>file</th><th>bytes</th><th>SHA-256</th></tr></thead>\n<tbody>\n"
            for file in provenance.filesRead {
                let size = file.digest.map { "\($0.size)" } ?? "unreadable now"
                html += "<tr><td>\(ReportEscaping.html(file.path))</td><td class=\"number\">\(size)</td><td><code>\(file.digest?.sha256 ?? "")</code></td></tr>\n"
            }
            html += "</tbody>\n</table></div>\n"
        }
        html += "<h3>Files written</h3>\n"
        if provenance.filesWritten.isEmpty {
            html += "<p>none</p>\n"
        } else {
            html += "<ul>\n" + provenance.filesWritten.map { "<li>\(ReportEscaping.html($0))</li>\n" }.joined() + "</ul>\n"
        }
        return html + "</section>\n"
    }

    /// Screen, phone and print styles; no fonts or images are fetched.
    static let stylesheet = """

    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; background: #fff; }
    main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
    pre, code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85rem; }
    pre { background: #f6f7f9; border: 1px solid #e2e4e8; border-radius: 4px; padding: 0.5rem 0.75rem; overflow-x: auto; margin: 0.25rem 0 0.5rem; }
    .contents { border: 1px solid #e2e4e8; border-radius: 4px; padding: 0.5rem 1rem; margin: 1rem 0; }
    .contents-title { font-weight: 600; margin: 0; }
    .contents ul { list-style: none; padding-left: 0; margin: 0.25rem 0; }
    .contents .level-2 { padding-left: 1rem; } .contents .level-3 { padding-left: 2rem; }
    .contents .level-4, .contents .level-5, .contents .level-6 { padding-left: 3rem; }
    .cell { margin: 0.75rem 0; padding-left: 0.6rem; border-left: 3px solid #c9d3e3; }
    .cell .input { font-size: 0.9rem; overflow-wrap: anywhere; }
    .cell .prompt { color: #2456a6; font-weight: 600; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
    .cell .time { color: #6b7280; font-size: 0.8rem; }
    .cell.failed { border-left-color: #c62828; }
    .mark { color: #fff; background: #c62828; border-radius: 3px; padding: 0 0.35rem; font-size: 0.8rem; font-weight: 600; }
    p.mark { display: inline-block; margin: 0; }
    pre.error { color: #b71c1c; background: #fdecea; border-color: #f5c2bd; white-space: pre-wrap; }
    figure.chart { margin: 0.5rem 0; }
    figure.chart svg { display: block; max-width: 100%; height: auto; }
    .provenance dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; }
    .provenance dt { font-weight: 600; } .provenance dd { margin: 0; overflow-wrap: anywhere; }
    .wide { overflow-x: auto; }
    table { border-collapse: collapse; font-size: 0.85rem; } th, td { border: 1px solid #e2e4e8; padding: 0.2rem 0.5rem; text-align: left; }
    td.number { text-align: right; } td code { overflow-wrap: anywhere; }
    @media (max-width: 40rem) {
      main { padding: 0.5rem; } body { font-size: 15px; }
      .provenance dl { grid-template-columns: 1fr; } .provenance dd { margin-bottom: 0.4rem; }
    }
    @media print {
      body { font-size: 10pt; } main { max-width: none; padding: 0; }
      nav.contents { break-after: avoid; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; background: none; }
      .cell, figure.chart { break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
      .mark { border: 1px solid #c62828; color: #c62828; background: none; }
    }

    """
}
