/// A chart ready for gnuplot: title, axis labels, numeric data blocks and the plot command.
/// The strings are kept unquoted here and quoted with `Gnuplot.quote` when the script is built;
/// `settings` and `plotCommand` are built by the chart builders from constants, numbers and
/// quoted strings only.
struct Chart {
    /// Short name used in file names ("loss", "errors", …).
    var kind: String
    /// The chart's title.
    var title: String
    /// A second title line saying what was plotted (data source, rows, model), or nil.
    var subtitle: String? = nil
    var xLabel: String
    var yLabel: String
    var zLabel: String? = nil
    /// `set …` lines.
    var settings: [String] = []
    /// Named numeric data blocks.
    var blocks: [(name: String, rows: [[Double]])] = []
    /// The `plot …` or `splot …` command.
    var plotCommand: String

    /// The key in two rows under the plot. The bottom margin is fixed because gnuplot 5.4 does
    /// not leave room for the x label above a key placed below.
    static let keyBelow = "set key below vertical maxrows 2 Left reverse; set bmargin 7"

    /// A plot-command element that only adds a line of text to the key (no sample is drawn).
    static func keyNote(_ text: String) -> String {
        "keyentry with lines lt nodraw title \(Gnuplot.quote(text))"
    }

    /// The gnuplot commands after the terminal and output are set.
    func script() -> String {
        var text = "set encoding utf8\n"
        for block in blocks { text += Gnuplot.dataBlock(block.name, rows: block.rows) }
        // The line break is gnuplot's own "\n" between two inert single-quoted strings.
        let heading = Gnuplot.quote(title) + (subtitle.map { " . \"\\n\" . " + Gnuplot.quote($0) } ?? "")
        text += "set title \(heading)\n"
        text += "set xlabel \(Gnuplot.quote(xLabel))\n"
        text += "set ylabel \(Gnuplot.quote(yLabel))\n"
        // The dumb terminal cannot turn text, so it would leave the y label out: it goes above the axis.
        text += "if (GPVAL_TERM eq 'dumb') { unset ylabel; set label 1001 \(Gnuplot.quote("y: " + yLabel)) at graph 0, graph 1 left offset character -3, character 3; set tmargin 5 }\n"
        if let zLabel { text += "set zlabel \(Gnuplot.quote(zLabel))\n" }
        text += "set key box opaque\nset grid\n"
        text += settings.map { $0 + "\n" }.joined()
        text += plotCommand + "\n"
        return text
    }
}
