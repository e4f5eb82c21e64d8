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

    /// At most this many bytes are read from the end of the file: `capacity` lines of a kilobyte
    /// each, so that a history grown huge by another program never slows the start-up.
    static let tailBytes = capacity << 10

    /// The newest `capacity` stored entries, oldest first, read from the last `tailBytes` of the
    /// file; a missing or unreadable file, or one that is not a regular file, has none.
    func load() -> [String] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return [] }
        let size = Int(status.st_size)
        let start = max(0, size - Self.tailBytes)
        var bytes = [UInt8](repeating: 0, count: size - start)
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return pread(descriptor, base + filled, raw.count - filled, off_t(start + filled))
            }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        var tail = bytes[..<filled]
        // Read from the middle of the file, the first line is probably cut: drop it.
        if start > 0, let firstBreak = tail.firstIndex(of: UInt8(ascii: "\n")) {
            tail = tail[(firstBreak + 1)...]
        } else if start > 0 {
            tail = []
        }
        let entries = String(decoding: tail, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init)
            .filter { !Self.isBlank($0) }
        return Array(entries.suffix(Self.capacity))
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
