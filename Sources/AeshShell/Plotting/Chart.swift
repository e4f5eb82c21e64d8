/// A chart ready for gnuplot: title, axis labels, numeric data blocks and the plot command.
/// Every string in it has been through `Gnuplot.quote` by the chart builders.
struct Chart {
    /// Short name used in file names ("loss", "errors", …).
    var kind: String
    /// The chart's title (unquoted; quoted when rendered).
    var title: String
    var xLabel: String
    var yLabel: String
    var zLabel: String? = nil
    /// `set …` lines built from constants and quoted strings only.
    var settings: [String] = []
    /// Named numeric data blocks.
    var blocks: [(name: String, rows: [[Double]])] = []
    /// The `plot …` or `splot …` command.
    var plotCommand: String

    /// The gnuplot commands after the terminal and output are set.
    func script() -> String {
        var text = ""
        for block in blocks { text += Gnuplot.dataBlock(block.name, rows: block.rows) }
        text += "set title \(Gnuplot.quote(title))\n"
        text += "set xlabel \(Gnuplot.quote(xLabel))\n"
        text += "set ylabel \(Gnuplot.quote(yLabel))\n"
        if let zLabel { text += "set zlabel \(Gnuplot.quote(zLabel))\n" }
        text += "set key box opaque\nset grid\n"
        text += settings.map { $0 + "\n" }.joined()
        text += plotCommand + "\n"
        return text
    }
}
