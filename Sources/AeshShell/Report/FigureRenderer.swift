import Foundation

/// Draws a cell's charts again for a report: SVG to inline in HTML, PNG files beside Markdown.
enum FigureRenderer {
    /// The chart as an `<svg>` element, its ids prefixed with `prefix` so several charts can live in
    /// one page (gnuplot names its markers gpPt0, gpPt1, … in every file).
    static func svg(_ figure: Figure, prefix: String, environment: [String: String]) throws -> String {
        let terminal = try PlotDestination.fileTerminal(for: "chart.svg", size: nil)
        let output = try Gnuplot.run("set terminal \(terminal)\nset output\n" + figure.gnuplot + "unset output\n", environment: environment)
        guard let start = output.text.range(of: "<svg") else { throw ShellError("gnuplot drew no SVG for the \(figure.kind) chart") }
        return String(output.text[start.lowerBound...])
            .replacingOccurrences(of: "id='", with: "id='\(prefix)")
            .replacingOccurrences(of: "id=\"", with: "id=\"\(prefix)")
            .replacingOccurrences(of: "href='#", with: "href='#\(prefix)")
            .replacingOccurrences(of: "href=\"#", with: "href=\"#\(prefix)")
            .replacingOccurrences(of: "url(#", with: "url(#\(prefix)")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The chart as PNG bytes.
    static func png(_ figure: Figure, environment: [String: String]) throws -> Data {
        let terminal = try PlotDestination.fileTerminal(for: "chart.png", size: nil)
        let output = try Gnuplot.run("set terminal \(terminal)\nset output\n" + figure.gnuplot + "unset output\n", environment: environment)
        guard !output.data.isEmpty else { throw ShellError("gnuplot drew nothing for the \(figure.kind) chart") }
        return output.data
    }
}
