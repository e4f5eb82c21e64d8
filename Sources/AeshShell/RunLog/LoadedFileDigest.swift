import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SHA-256 the run log gives the loaded data file. `load` does not wait for it (hashing a
/// 100 MB file takes longer than parsing it): while a run log is kept it is taken on a thread of
/// its own as soon as the file is loaded, and the first logged run waits for it; otherwise the
/// first logged run takes it. Either way it is taken only while the file is still the one loaded
/// (same device, inode, size and modification time, as make and rsync judge it) and kept once
/// taken; a file changed since the load has no digest, so the log never names other bytes than
/// the ones loaded.
final class LoadedFileDigest: @unchecked Sendable {
    /// The file as resolved when it was loaded.
    let path: String
    private let identity: FileIdentity?
    private let lock = NSLock()
    private var taken: String??
    private let hashed: DispatchSemaphore?

    /// Notes the identity of the file at `path`, just loaded, and with `hashingNow` starts taking
    /// its digest on a thread of its own.
    init(path: String, hashingNow: Bool) {
        self.path = path
        identity = FileIdentity(path: path)
        hashed = hashingNow ? DispatchSemaphore(value: 0) : nil
        guard let hashed else { return }
        let thread = Thread { [self] in
            let digest = self.digestIfUnchanged()
            self.lock.lock()
            if self.taken == nil { self.taken = .some(digest) }
            self.lock.unlock()
            hashed.signal()
        }
        thread.start()
    }

    /// Whether the file is no longer the one loaded (changed, replaced or gone).
    var changedSinceLoad: Bool { identity == nil || FileIdentity(path: path) != identity }

    /// The file's SHA-256, nil when it changed since the load or cannot be read.
    var sha256: String? {
        if let hashed {
            hashed.wait()
            hashed.signal()
        }
        lock.lock()
        defer { lock.unlock() }
        if let taken { return taken }
        let digest = digestIfUnchanged()
        taken = .some(digest)
        return digest
    }

    /// The digest, when the file is the one loaded before and after reading it.
    private func digestIfUnchanged() -> String? {
        guard !changedSinceLoad, let digest = FileDigest(path: path)?.sha256, !changedSinceLoad else { return nil }
        return digest
    }
}

/// What tells one version of a file from another without reading it.
struct FileIdentity: Equatable {
    let device: UInt64, inode: UInt64, size: Int64, seconds: Int64, nanoseconds: Int64

    /// The identity of the file at `path`; nil when it cannot be examined.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        #if canImport(Darwin)
        seconds = Int64(status.st_mtimespec.tv_sec)
        nanoseconds = Int64(status.st_mtimespec.tv_nsec)
        #else
        seconds = Int64(status.st_mtim.tv_sec)
        nanoseconds = Int64(status.st_mtim.tv_nsec)
        #endif
    }
}
