import Foundation

/// Where a chart goes: a file (terminal by extension), text in the terminal, a window, or sixel.
enum PlotDestination: Equatable {
    case file(path: String, terminal: String)
    case text(terminal: String)
    case window(terminal: String)
    case sixel(terminal: String)

    /// Chooses the destination: `to=` picks a file terminal by extension; at the prompt, a window
    /// when there is a display, sixel when asked, else text sized to the terminal; in a script, a
    /// PNG in the output folder named after the script and the step.
    static func choose(to: String?, size: String?, kind: String, context: CommandContext,
                       settings: Settings, environment: [String: String]) throws -> PlotDestination {
        if let to {
            guard !to.isEmpty else { throw ShellError("to= needs a file name ending in .png, .svg, .pdf or .txt") }
            return .file(path: context.paths.resolve(to), terminal: try fileTerminal(for: to, size: size))
        }
        guard context.interactive else {
            let name = "\(fileStem(context.scriptName))-\(twoDigits(context.step))-\(kind).png"
            let folder = settings.outputFolder
            // The folder given with --out (default out/) is made when the first chart needs it.
            context.outputFolder.prepare(folder, paths: context.paths)
            return .file(path: context.paths.resolve(folder.hasSuffix("/") ? folder + name : folder + "/" + name),
                         terminal: try fileTerminal(for: name, size: size))
        }
        switch settings.plot {
        case "sixel":
            let (w, h) = try pixels(size, default: (800, 500))
            return .sixel(terminal: "sixelgd size \(w),\(h) noenhanced truecolor")
        case "window":
            return .window(terminal: try windowTerminal(environment: environment, asked: true) ?? "")
        case "auto":
            if let window = try windowTerminal(environment: environment, asked: false) { return .window(terminal: window) }
        default:
            break
        }
        let columns = max(40, min(context.console.width, 200))
        let (c, r) = try characters(size, default: (columns, max(15, min(columns * 3 / 10, 50))))
        return .text(terminal: "dumb noenhanced size \(c),\(r)" + (context.console.usesColor ? " ansi" : ""))
    }

    /// A window terminal when there is a display and this gnuplot has one; when `asked` (set plot
    /// window) and there is none, an error that says why.
    private static func windowTerminal(environment: [String: String], asked: Bool) throws -> String? {
        let display = !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
        guard display else {
            if asked { throw ShellError("no display for a plot window ($DISPLAY is not set): use `set plot text` or to=FILE") }
            return nil
        }
        let available = Gnuplot.availableTerminals(environment: environment)
        if let window = ["qt", "wxt", "x11"].first(where: available.contains) { return "\(window) persist noenhanced" }
        if asked {
            if Gnuplot.locate(environment: environment) == nil { throw ShellError("gnuplot was not found on PATH: \(Gnuplot.installHint)") }
            throw ShellError("this gnuplot has no window terminal (qt, wxt or x11): install the `gnuplot` package (gnuplot-qt) for plot windows, or use `set plot text`")
        }
        return nil
    }

    /// The gnuplot terminal for a file name's extension.
    static func fileTerminal(for path: String, size: String?) throws -> String {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        switch ext {
        case "png":
            let (w, h) = try pixels(size, default: (900, 560))
            return "pngcairo size \(w),\(h) noenhanced font 'sans,10'"
        case "svg":
            let (w, h) = try pixels(size, default: (900, 560))
            return "svg size \(w),\(h) noenhanced font 'sans,10' background rgb 'white'"
        case "pdf":
            let (w, h) = try pixels(size, default: (900, 560))
            return String(format: "pdfcairo size %.2fin,%.2fin noenhanced font 'sans,8'", Double(w) / 100, Double(h) / 100)
        case "txt":
            let (c, r) = try characters(size, default: (100, 32))
            return "dumb noenhanced size \(c),\(r)"
        default:
            throw ShellError("to= must end in .png, .svg, .pdf or .txt, got \"\(path)\"")
        }
    }

    /// The script's name made safe as the start of a file name: "-c" and "<stdin>" become "aesh"
    /// and "stdin", and anything but letters, digits, `-`, `_` and `.` becomes `_`.
    static func fileStem(_ scriptName: String?) -> String {
        guard let scriptName, scriptName != "-c" else { return "aesh" }
        if scriptName == "<stdin>" { return "stdin" }
        let safe = String(scriptName.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
        let trimmed = safe.drop(while: { $0 == "-" || $0 == "." })
        return trimmed.isEmpty ? "aesh" : String(trimmed)
    }

    private static func twoDigits(_ step: Int) -> String { step < 10 && step >= 0 ? "0\(step)" : "\(step)" }

    private static func pixels(_ size: String?, default fallback: (Int, Int)) throws -> (Int, Int) {
        try parseSize(size, default: fallback, range: 64...8_000, unit: "pixels")
    }

    private static func characters(_ size: String?, default fallback: (Int, Int)) throws -> (Int, Int) {
        try parseSize(size, default: fallback, range: 20...1_000, unit: "characters")
    }

    private static func parseSize(_ size: String?, default fallback: (Int, Int), range: ClosedRange<Int>,
                                  unit: String) throws -> (Int, Int) {
        guard let size else { return fallback }
        let parts = size.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), range.contains(w), range.contains(h) else {
            throw ShellError("size must be WIDTHxHEIGHT in \(unit), each from \(range.lowerBound) to \(range.upperBound), e.g. \(unit == "characters" ? "100x32" : "800x500"); got \"\(size)\"")
        }
        return (w, h)
    }
}
