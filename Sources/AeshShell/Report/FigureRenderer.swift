import Foundation

/// Draws a cell's charts again for a report: SVG to inline in HTML, PNG files beside Markdown.
enum FigureRenderer {
    /// The chart as an `<svg>` element, its ids prefixed with `prefix` so several charts can live in
    /// one page (gnuplot names its markers gpPt0, gpPt1, … in every file).
    static func svg(_ figure: Figure, prefix: String, environment: [String: String]) throws -> String {
        let terminal = try PlotDestination.fileTerminal(for: "chart.svg", size: nil)
        let output = try Gnuplot.run("set terminal \(terminal)\nset output\n" + figure.gnuplot + "unset output\n", environment: environment)
        guard let start = output.text.range(of: "<svg") else { throw ShellError("gnuplot drew no SVG for the \(figure.kind) chart") }
        return uniqueIDs(String(output.text[start.lowerBound...]))
            .replacingOccurrences(of: "id='", with: "id='\(prefix)")
            .replacingOccurrences(of: "id=\"", with: "id=\"\(prefix)")
            .replacingOccurrences(of: "href='#", with: "href='#\(prefix)")
            .replacingOccurrences(of: "href=\"#", with: "href=\"#\(prefix)")
            .replacingOccurrences(of: "url(#", with: "url(#\(prefix)")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static let idPattern = try? NSRegularExpression(pattern: "\\bid=(['\"])([^'\"]*)\\1")

    /// `svg` with every repeated `id` made unique (gnuplot names each plot of a chart
    /// `gnuplot_plot_1`, … again in every panel): the second `x` becomes `x-2`, the third `x-3`.
    /// Nothing refers to those groups, so only the repeats change.
    static func uniqueIDs(_ svg: String) -> String {
        guard let pattern = idPattern else { return svg }
        let text = svg as NSString
        var seen: [String: Int] = [:]
        var result = "", last = 0
        for match in pattern.matches(in: svg, range: NSRange(location: 0, length: text.length)) {
            let id = text.substring(with: match.range(at: 2)), quote = text.substring(with: match.range(at: 1))
            let count = (seen[id] ?? 0) + 1
            seen[id] = count
            guard count > 1 else { continue }
            result += text.substring(with: NSRange(location: last, length: match.range.location - last))
            result += "id=\(quote)\(id)-\(count)\(quote)"
            last = match.range.location + match.range.length
        }
        return result + text.substring(from: last)
    }

    /// The chart as PNG bytes.
    static func png(_ figure: Figure, environment: [String: String]) throws -> Data {
        let terminal = try PlotDestination.fileTerminal(for: "chart.png", size: nil)
        let output = try Gnuplot.run("set terminal \(terminal)\nset output\n" + figure.gnuplot + "unset output\n", environment: environment)
        guard !output.data.isEmpty else { throw ShellError("gnuplot drew nothing for the \(figure.kind) chart") }
        return output.data
    }
}
