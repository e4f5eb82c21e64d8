import AutoencoderKit
import Foundation

/// Sends a chart to gnuplot for its destination. File terminals draw to gnuplot's standard output
/// and aesh writes the bytes whole or not at all, so no file name is ever gnuplot command text.
enum ChartRenderer {
    /// Draws `chart`; returns what to show the person (the file written, or the text drawing).
    /// gnuplot's warnings go to the console's error stream.
    static func render(_ chart: Chart, to destination: PlotDestination, console: Console,
                       environment: [String: String]) throws -> String {
        let output: Gnuplot.Output
        let message: String
        switch destination {
        case .file(let path, let terminal):
            try requireFolder(of: path)
            output = try Gnuplot.run("set terminal \(terminal)\nset output\n" + chart.script() + "unset output\n", environment: environment)
            let bytes = terminal.hasPrefix("dumb") ? Data(tidy(output.text).utf8) : output.data
            guard !bytes.isEmpty else { throw ShellError("gnuplot drew nothing for \(path)") }
            try AtomicFile.write(bytes, to: path)
            message = "wrote the \(chart.kind) chart to \(path)"
        case .text(let terminal):
            output = try Gnuplot.run("set terminal \(terminal)\nset output\n" + chart.script(), environment: environment)
            message = tidy(output.text)
        case .sixel(let terminal):
            output = try Gnuplot.run("set terminal \(terminal)\nset output\n" + chart.script(), environment: environment)
            message = output.text
        case .window(let terminal):
            output = try Gnuplot.run("set terminal \(terminal)\n" + chart.script(), environment: environment)
            message = "drew the \(chart.kind) chart in a window"
        }
        for warning in output.warnings { console.writeError("gnuplot: \(warning)\n") }
        return message
    }

    /// A dumb-terminal drawing without its form feed, trailing spaces and blank lines around it.
    static func tidy(_ drawing: String) -> String {
        let lines = drawing.replacingOccurrences(of: "\u{0C}", with: "").split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop(while: { $0 == " " || $0 == "\r" }).reversed()) }
        // A line of colour codes (the dumb terminal's `ansi` option) and spaces is blank too.
        let blank: (String) -> Bool = { line in
            line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression).allSatisfy(\.isWhitespace)
        }
        guard let first = lines.firstIndex(where: { !blank($0) }), let last = lines.lastIndex(where: { !blank($0) }) else { return "" }
        return lines[first...last].joined(separator: "\n") + "\n"
    }

    /// Checks the folder a chart file goes into before gnuplot runs, with a message that says
    /// how to fix it.
    private static func requireFolder(of path: String) throws {
        let parent = NSString(string: path).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ShellError("cannot write \(path): the folder \(folder) does not exist (create it, or choose another with `set out DIR`, --out DIR or to=FILE)")
        }
    }
}
