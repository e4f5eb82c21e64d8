import Foundation

/// Where a write to a path really lands: the path with its symbolic links followed (a dangling
/// link leads to the file it names, to be created), and what is there now.
struct FileTarget {
    /// The file to write, links followed.
    let path: String
    /// What is at `path` now, or nil when nothing is.
    let existing: FileStatus?

    /// Links followed at most this many times (the kernel's own limit is 40).
    static let maximumLinks = 40

    /// Follows `path`'s links; throws for a loop or a folder.
    static func resolve(_ path: String) throws -> FileTarget {
        var current = path
        for _ in 0...maximumLinks {
            var status = stat()
            guard lstat(current, &status) == 0 else { return FileTarget(path: current, existing: nil) }
            guard (status.st_mode & S_IFMT) == S_IFLNK else {
                let found = FileStatus(status)
                if found.isDirectory { throw FileWriteError(path: path, reason: "it is a folder") }
                return FileTarget(path: current, existing: found)
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
            let destination = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        throw FileWriteError(path: path, reason: "too many levels of symbolic links")
    }
}

/// The parts of `stat` that a write keeps or decides by.
struct FileStatus {
    let mode: mode_t
    let owner: uid_t
    let group: gid_t
    /// Identifies the file across spellings of its path.
    let device: UInt64
    let inode: UInt64

    init(_ status: stat) {
        mode = status.st_mode
        owner = status.st_uid
        group = status.st_gid
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    var permissions: mode_t { mode & 0o7777 }
    var isRegularFile: Bool { (mode & S_IFMT) == S_IFREG }
    var isDirectory: Bool { (mode & S_IFMT) == S_IFDIR }
    /// A character or block device, or a FIFO: written in place.
    var isDevice: Bool { [S_IFCHR, S_IFBLK, S_IFIFO].contains(mode & S_IFMT) }

    /// What the file is, for a message.
    var kind: String {
        switch mode & S_IFMT {
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a folder"
        default: "a special file"
        }
    }
}
