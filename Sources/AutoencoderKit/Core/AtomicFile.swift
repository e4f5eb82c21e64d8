import Foundation

/// Writes files whole or not at all: the bytes go to a temporary file in the same folder, which
/// is then renamed over the target, so a failed write leaves any earlier file intact.
public enum AtomicFile {
    /// Writes `data` to `path` atomically; throws `FileWriteError` naming the path and the reason.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw FileWriteError(path: path, reason: "folder \(folder) does not exist")
        }
        guard isDirectory.boolValue else { throw FileWriteError(path: path, reason: "\(folder) is a file, not a folder") }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw FileWriteError(path: path, reason: "it is a folder")
        }
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw FileWriteError(path: path, reason: "cannot write in \(folder) (\(String(cString: strerror(errno))))")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileWriteError(path: path, reason: reason)
        }
    }

    /// Writes a UTF-8 string to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}

/// A file could not be written; the earlier file, if any, is unchanged.
public struct FileWriteError: Error, CustomStringConvertible, Equatable {
    /// The file that was to be written.
    public let path: String
    /// Why it was not written.
    public let reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}
