import AutoencoderKit
import Foundation

/// Sends a chart to gnuplot for its destination; files are written whole or not at all.
enum ChartRenderer {
    /// Draws `chart`; returns what to tell the person (the file written, or the text drawing).
    static func render(_ chart: Chart, to destination: PlotDestination, console: Console) throws -> String {
        switch destination {
        case .file(let path, let terminal):
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ShellError("cannot write \(path): folder \(folder) does not exist")
            }
            let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
            defer { unlink(temporary) }
            let script = "set terminal \(terminal)\nset output \(Gnuplot.quote(temporary))\n" + chart.script() + "unset output\n"
            _ = try Gnuplot.run(script)
            if url.pathExtension.lowercased() == "txt" { try stripTrailingFormFeed(temporary) }
            guard rename(temporary, path) == 0 else {
                throw ShellError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            return "wrote \(chart.kind) chart to \(path)"
        case .text(let terminal):
            let output = try Gnuplot.run("set terminal \(terminal)\nset output\n" + chart.script())
            return output.standardOutput.replacingOccurrences(of: "\u{0C}", with: "")
        case .sixel(let terminal):
            let output = try Gnuplot.run("set terminal \(terminal)\nset output\n" + chart.script())
            return output.standardOutput
        case .window(let terminal):
            _ = try Gnuplot.run("set terminal \(terminal)\n" + chart.script())
            return "drew \(chart.kind) chart in a window"
        }
    }

    private static func stripTrailingFormFeed(_ path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let cleaned = Data(data.filter { $0 != 0x0C })
        try cleaned.write(to: URL(fileURLWithPath: path))
    }
}
