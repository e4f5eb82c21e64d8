import AutoencoderKit
import Foundation

/// The prompt's history on disk: one entry per line, oldest first, at most `capacity` lines.
/// Each addition re-reads the file and rewrites it whole (temporary file, then rename), so two
/// sessions open at once both keep their lines, and a crash never leaves half a file.
struct HistoryFile {
    /// Entries kept in the file; older ones are dropped first.
    static let capacity = 1_000

    /// Where the history lives.
    let path: String

    /// The stored entries, oldest first; a missing or unreadable file has none.
    func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init)
            .filter { !Self.isBlank($0) }
    }

    /// Appends `entry` unless it repeats the last stored entry, keeps the newest `capacity`
    /// entries and writes the file atomically, creating its folders when missing.
    func append(_ entry: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw HistoryFolderError(folder: folder)
        }
        var entries = load()
        if entries.last != entry {
            entries.append(entry)
        }
        let kept = entries.suffix(Self.capacity)
        try AtomicFile.write(kept.joined(separator: "\n") + "\n", to: path)
    }

    /// The form an entry takes in history: one physical line (embedded line breaks become spaces,
    /// since the file holds one entry per line) without trailing blanks (completion leaves a space
    /// after a word, and "train" and "train " should count as one entry).
    static func entry(for line: String) -> String {
        var entry = String(line.map { $0.isNewline ? " " : $0 })
        while entry.last?.isWhitespace == true { entry.removeLast() }
        return entry
    }

    /// Blank lines are never remembered.
    static func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0.isWhitespace }
    }
}

/// The history file's folder could not be created.
struct HistoryFolderError: Error, CustomStringConvertible {
    let folder: String
    var description: String { "cannot create folder \(folder)" }
}
