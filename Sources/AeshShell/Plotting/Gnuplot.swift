import Foundation

/// Runs gnuplot as a child process fed through a pipe. Data travels as inline data blocks of
/// numbers; every string from data or arguments goes through `quote`, so nothing typed or loaded
/// can become gnuplot command text. File names never reach gnuplot at all: file terminals write to
/// gnuplot's standard output and aesh writes the bytes itself.
public enum Gnuplot {
    /// How to install gnuplot, for messages.
    public static let installHint = "install it with `apt-get install gnuplot-nox` (or `gnuplot` for plot windows)"

    /// The gnuplot executable on the `PATH` of `environment`, if any.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for folder in (environment["PATH"] ?? "").split(separator: ":") where folder.hasPrefix("/") {
            let candidate = "\(folder)/gnuplot"
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// `text` as a gnuplot single-quoted string literal.
    ///
    /// In gnuplot 5.4 a single-quoted string is inert: no backslash escapes, no backquote command
    /// substitution and no `@` macro expansion happen inside it (unlike double-quoted strings,
    /// where backquotes *are* substituted), and `system(…)` is only text. Its one escape is `''`
    /// for a quote. What can still break out is the end of the line: gnuplot reads commands line
    /// by line, so a newline would end the string and start a new command (`!cmd` runs a shell).
    /// Line breaks and all other control characters (C0, DEL, C1, which could also reach a
    /// terminal through the dumb terminal) therefore become spaces.
    public static func quote(_ text: String) -> String {
        var result = "'"
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x27: result += "''"
            case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "'"
    }

    /// An inline data block `$name << EOD … EOD` of numeric rows; non-finite values become `NaN`,
    /// which gnuplot skips.
    public static func dataBlock(_ name: String, rows: [[Double]]) -> String {
        var text = "$\(name) << EOD\n"
        text.reserveCapacity(rows.count * 24)
        for row in rows {
            text += row.map { $0.isFinite ? "\($0)" : "NaN" }.joined(separator: " ")
            text += "\n"
        }
        return text + "EOD\n"
    }

    /// What gnuplot printed.
    public struct Output: Sendable {
        /// Standard output: the image or drawing for terminals that write to it.
        public var data: Data
        /// Standard error: warnings, and what `print` prints.
        public var standardError: String
        /// Standard output as text (the dumb terminal's drawing).
        public var text: String { String(decoding: data, as: UTF8.self) }
        /// gnuplot's warnings, one per line, without blank lines.
        public var warnings: [String] {
            standardError.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.hasPrefix("Warning") || $0.hasPrefix("warning") }
        }
    }

    /// Feeds `script` to a new gnuplot process found on the `PATH` of `environment` and waits for it.
    /// A missing gnuplot throws a `ShellError` with the install hint; a failing command (gnuplot
    /// goes on after an error but exits with a non-zero status) throws one with gnuplot's own text.
    public static func run(_ script: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Output {
        guard let executable = locate(environment: environment) else {
            throw ShellError("gnuplot was not found on PATH: \(installHint)")
        }
        // Writing to a gnuplot that has already quit must fail with EPIPE, not kill us.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = []
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw ShellError("could not start gnuplot at \(executable): \(error.localizedDescription)")
        }
        // Both pipes are drained while the script is written, so neither side can block the other.
        let outputData = DataBox(), errorData = DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { outputData.data = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errorData.data = errors.fileHandleForReading.readDataToEndOfFile() }
        let writer = input.fileHandleForWriting
        // A write error means gnuplot ended early; its status and standard error say why.
        try? writer.write(contentsOf: Data((script + "\nexit\n").utf8))
        try? writer.close()
        process.waitUntilExit()
        group.wait()
        let result = Output(data: outputData.data, standardError: String(decoding: errorData.data, as: UTF8.self))
        guard process.terminationStatus == 0, process.terminationReason == .exit else {
            let text = complaint(result.standardError)
            let status = process.terminationReason == .exit
                ? "exit status \(process.terminationStatus)" : "killed by signal \(process.terminationStatus)"
            throw ShellError("gnuplot failed: \(text.isEmpty ? status : text)")
        }
        return result
    }

    /// gnuplot's error output made readable: blank lines dropped, and the "line 0:" it puts before
    /// messages from a pipe (where lines are not counted) removed; the echoed command and its
    /// `^` marker are kept as they are.
    static func complaint(_ standardError: String) -> String {
        standardError.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            if trimmed.hasPrefix("line "), let colon = trimmed.firstIndex(of: ":"),
               Int(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 5)..<colon]) != nil {
                return trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return String(line)
        }.joined(separator: "\n")
    }

    /// The terminals the gnuplot on `environment`'s PATH offers (asked once per executable);
    /// empty when there is no gnuplot.
    public static func availableTerminals(environment: [String: String] = ProcessInfo.processInfo.environment) -> Set<String> {
        guard let executable = locate(environment: environment) else { return [] }
        return terminalCache.terminals(for: executable) {
            // `print` writes to standard error.
            guard let output = try? Gnuplot.run("print GPVAL_TERMINALS", environment: environment) else { return [] }
            return Set(output.standardError.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        }
    }

    /// Bytes filled in by one reader thread and read after it has finished.
    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }

    private static let terminalCache = TerminalCache()

    /// Terminal lists by executable path, behind a lock.
    private final class TerminalCache: @unchecked Sendable {
        private var byExecutable: [String: Set<String>] = [:]
        private let lock = NSLock()

        func terminals(for executable: String, compute: () -> Set<String>) -> Set<String> {
            lock.lock()
            if let known = byExecutable[executable] { lock.unlock(); return known }
            lock.unlock()
            let value = compute()
            lock.lock()
            byExecutable[executable] = value
            lock.unlock()
            return value
        }
    }
}
