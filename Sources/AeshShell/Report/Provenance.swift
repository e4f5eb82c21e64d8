import AutoencoderKit
import Foundation

/// Where a report's numbers came from: the program, the command line, the parameters and seed, the
/// machine and its kernels, every file read (size and SHA-256) and written, the date and total time.
struct Provenance {
    /// Label and value pairs, in the order shown.
    var facts: [(label: String, value: String)]
    /// Files read, with their size and digest (nil when the file can no longer be read).
    var filesRead: [(path: String, digest: FileDigest?)]
    /// Files written by the session's commands.
    var filesWritten: [String]

    /// The provenance of `session` as `log` saw it run; the date and total time only when `times`.
    static func collect(log: ReportLog, session: Session, commandLine: [String], times: Bool) -> Provenance {
        var facts: [(String, String)] = [
            ("aesh", aeshVersion),
            ("command line", commandLine.map(shellQuoted).joined(separator: " ")),
        ]
        let parameters = session.parameters.declared.map { "\($0.name)=\($0.value)" }
        facts.append(("parameters", parameters.isEmpty ? "none" : parameters.joined(separator: " ")))
        facts.append(("seed", "\(session.settings.seed)"))
        if times {
            let formatter = ISO8601DateFormatter()
            facts.append(("date", formatter.string(from: Date())))
        }
        facts.append(("processor", Machine.processorName))
        facts.append(("system", Machine.system))
        facts.append(("OpenBLAS kernels", OpenBLASCore.name))
        facts.append(("batch loops", BatchLoops.name))
        if times {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - log.started) / 1e9
            facts.append(("total time", Format.duration(seconds)))
        }
        return Provenance(facts: facts, filesRead: log.inputDigests(), filesWritten: log.filesWritten)
    }

    /// `word` as a POSIX shell would need it to come back as one word.
    static func shellQuoted(_ word: String) -> String {
        let plain = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@%+=:,./-")
        if !word.isEmpty && word.allSatisfy(plain.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// What a report says about the machine.
enum Machine {
    /// The processor's model name from /proc/cpuinfo, or "unknown".
    static let processorName: String = {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        for line in cpuinfo.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "model name" {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown"
    }()

    /// The operating system's name, release and architecture (`uname -srm`).
    static let system: String = {
        var names = utsname()
        guard uname(&names) == 0 else { return "unknown" }
        func text<T>(_ field: inout T) -> String {
            withUnsafeBytes(of: &field) { bytes in String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self) }
        }
        return "\(text(&names.sysname)) \(text(&names.release)) \(text(&names.machine))"
    }()
}
