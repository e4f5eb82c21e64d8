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
                       settings: Settings, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PlotDestination {
        if let to {
            let path = context.shell.resolve(to)
            return .file(path: path, terminal: try fileTerminal(for: to, size: size))
        }
        if context.interactive {
            if settings.plot == "sixel" {
                let (w, h) = try pixels(size, default: (800, 500))
                return .sixel(terminal: "sixelgd size \(w),\(h) noenhanced")
            }
            let display = !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
            if settings.plot != "text", display {
                let available = Gnuplot.availableTerminals()
                if let window = ["qt", "wxt", "x11"].first(where: available.contains) {
                    return .window(terminal: "\(window) persist noenhanced")
                }
            }
            let columns = max(40, min(context.console.width, 200))
            let (c, r) = try characters(size, default: (columns, max(15, columns * 3 / 10)))
            return .text(terminal: "dumb noenhanced size \(c),\(r)")
        }
        let stem = context.scriptName ?? "aesh"
        let step = context.step < 10 ? "0\(context.step)" : "\(context.step)"
        let name = "\(stem)-\(step)-\(kind).png"
        let folder = settings.outputFolder
        let path = context.shell.resolve(folder.hasSuffix("/") ? folder + name : folder + "/" + name)
        return .file(path: path, terminal: try fileTerminal(for: name, size: size))
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
            throw ShellError("size must be WIDTHxHEIGHT in \(unit), each from \(range.lowerBound) to \(range.upperBound), e.g. 800x500; got \"\(size)\"")
        }
        return (w, h)
    }
}
