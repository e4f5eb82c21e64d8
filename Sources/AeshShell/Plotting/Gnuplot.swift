import Foundation

/// Runs gnuplot as a child process fed through a pipe. Data travels as inline data blocks of
/// numbers; every string from data or arguments goes through `quote`, so nothing typed or loaded
/// can become gnuplot command text.
public enum Gnuplot {
    /// How to install gnuplot, for messages.
    public static let installHint = "install it with `apt-get install gnuplot-nox` (or `gnuplot` for plot windows)"

    /// The gnuplot executable on `PATH`, if any.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/gnuplot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `text` as a gnuplot single-quoted string literal. Single quotes are doubled (gnuplot's
    /// escape inside '…'); line breaks and control characters become spaces; backquotes and `@`,
    /// which gnuplot could treat as command or macro substitution, become look-alike characters.
    public static func quote(_ text: String) -> String {
        var result = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": result += "''"
            case "`": result += "\u{2018}"
            case "@": result += "\u{FF20}"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += " "
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
    public struct Output {
        /// Standard output (the drawing, for the dumb terminal).
        public var standardOutput: String
        /// Standard error (warnings).
        public var standardError: String
    }

    /// Feeds `script` to a new gnuplot process and waits for it. A missing gnuplot, a non-zero exit
    /// or an error message from gnuplot throws a `ShellError` that shows gnuplot's own text.
    public static func run(_ script: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Output {
        guard let executable = locate(environment: environment) else {
            throw ShellError("gnuplot was not found on PATH: \(installHint)")
        }
        // Writing to a gnuplot that has already quit must fail with EPIPE, not kill us.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = []
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
        do {
            try writer.write(contentsOf: Data((script + "\nexit\n").utf8))
        } catch {
            // gnuplot ended early (a fatal error); its stderr says why.
        }
        try? writer.close()
        process.waitUntilExit()
        group.wait()
        let result = Output(standardOutput: String(decoding: outputData.data, as: UTF8.self),
                            standardError: String(decoding: errorData.data, as: UTF8.self))
        let complaint = result.standardError.split(separator: "\n").filter {
            $0.contains("error") || $0.contains("Error") || $0.contains("unknown") || $0.contains("invalid")
        }
        if process.terminationStatus != 0 || !complaint.isEmpty {
            let text = result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
            throw ShellError("gnuplot failed: \(text.isEmpty ? "exit status \(process.terminationStatus)" : text)")
        }
        return result
    }

    /// The terminals this gnuplot offers (asked once per process).
    public static func availableTerminals() -> Set<String> {
        terminalCache.value
    }

    /// Bytes filled in by one reader thread and read after it has finished.
    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }

    private static let terminalCache = LazyTerminals()

    private final class LazyTerminals: @unchecked Sendable {
        lazy var value: Set<String> = {
            guard let output = try? Gnuplot.run("print GPVAL_TERMINALS") else { return [] }
            let text = output.standardError + " " + output.standardOutput
            return Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        }()
    }
}
