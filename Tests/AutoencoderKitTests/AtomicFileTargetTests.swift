import Foundation
import Testing
@testable import AutoencoderKit

/// Where `AtomicFile` writes: through a symbolic link to its target, straight into a FIFO, and over
/// an existing file keeping its mode and owner.
final class AtomicFileTargetTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "aesh-atomic-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func status(_ path: String) -> stat {
        var result = stat()
        lstat(path, &result)
        return result
    }

    @Test func aSymbolicLinkIsWrittenThroughToItsTarget() throws {
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
        try "old\n".write(toFile: folder + "/real/target.csv", atomically: false, encoding: .utf8)
        #expect(symlink("real/target.csv", folder + "/link.csv") == 0)
        try AtomicFile.write("new\n", to: folder + "/link.csv")
        #expect(status(folder + "/link.csv").st_mode & S_IFMT == S_IFLNK, "the link was replaced by a file")
        #expect(try String(contentsOfFile: folder + "/real/target.csv", encoding: .utf8) == "new\n")
        // No temporary file is left beside the link or the target.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["link.csv", "real"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/real") == ["target.csv"])
    }

    @Test func aDanglingLinkCreatesTheFileItNames() throws {
        #expect(symlink(folder + "/made.txt", folder + "/dangling") == 0)
        try AtomicFile.write("made\n", to: folder + "/dangling")
        #expect(status(folder + "/dangling").st_mode & S_IFMT == S_IFLNK)
        #expect(try String(contentsOfFile: folder + "/made.txt", encoding: .utf8) == "made\n")
    }

    @Test func aLinkLoopIsRefused() throws {
        #expect(symlink(folder + "/b", folder + "/a") == 0)
        #expect(symlink(folder + "/a", folder + "/b") == 0)
        #expect(throws: FileWriteError(path: folder + "/a", reason: "too many levels of symbolic links")) {
            try AtomicFile.write("x", to: self.folder + "/a")
        }
    }

    @Test func aFIFOIsWrittenInPlace() throws {
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        try AtomicFile.write("through the pipe\n", to: fifo)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self) == "through the pipe\n")
        #expect(status(fifo).st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced by a file")
    }

    @Test func anExistingFileKeepsItsModeAndOwner() throws {
        let path = folder + "/private.csv"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(chmod(path, 0o600) == 0)
        let otherUser: uid_t = 65534
        let root = getuid() == 0
        if root { #expect(chown(path, otherUser, gid_t(otherUser)) == 0) }
        try AtomicFile.write("new\n", to: path)
        let after = status(path)
        #expect(after.st_mode & 0o7777 == 0o600)
        if root { #expect(after.st_uid == otherUser && after.st_gid == gid_t(otherUser)) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    }

    @Test func sameFileSeesThroughSpellingsAndLinks() throws {
        try "x".write(toFile: folder + "/data.csv", atomically: false, encoding: .utf8)
        #expect(symlink("data.csv", folder + "/alias.csv") == 0)
        #expect(AtomicFile.sameFile(folder + "/data.csv", folder + "/./alias.csv"))
        #expect(!AtomicFile.sameFile(folder + "/data.csv", folder + "/missing.csv"))
    }
}
