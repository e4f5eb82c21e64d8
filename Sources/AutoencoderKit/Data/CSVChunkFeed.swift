#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Feeds a `CSVParser` in chunks, keeping an incomplete last record for the next chunk.
///
/// One feed can serve several `feed` calls in a row (a stretch of a file, then the rest), and the
/// parser sees the same records as if the whole input had come from one call.
struct CSVChunkFeed {
    private var buffer: [UInt8]
    /// Bytes at the start of `buffer` that the parser has not consumed yet.
    private(set) var pending = 0

    init(chunkSize: Int) {
        buffer = [UInt8](repeating: 0, count: max(chunkSize, 1))
    }

    /// Reads with `read` and feeds `parser` until `read` comes up short, which means its input is
    /// exhausted. With `isLast` that is the end of the input and everything is consumed; otherwise
    /// an incomplete record stays pending. `inspect` sees each newly read span before the parser.
    mutating func feed(_ parser: inout CSVParser, isLast: Bool,
                       read: (UnsafeMutableRawBufferPointer) throws -> Int,
                       inspect: (UnsafeBufferPointer<UInt8>) throws -> Void = { _ in }) throws {
        while true {
            if pending == buffer.count {
                // One record longer than the buffer: make room for the rest of it.
                buffer.append(contentsOf: repeatElement(0, count: buffer.count))
            }
            let start = pending
            let got = try buffer.withUnsafeMutableBytes { raw in
                try read(UnsafeMutableRawBufferPointer(rebasing: raw[start...]))
            }
            pending += got
            let end = pending
            try buffer.withUnsafeBufferPointer { all in try inspect(UnsafeBufferPointer(rebasing: all[start..<end])) }
            let isShort = pending < buffer.count
            let used = try buffer.withUnsafeBufferPointer { all in
                try parser.consume(UnsafeBufferPointer(rebasing: all[..<end]), isFinal: isShort && isLast)
            }
            if used > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    guard let base = raw.baseAddress else { return }
                    memmove(base, base + used, end - used)
                }
                pending -= used
            }
            if isShort { return }
        }
    }
}

/// A stretch of a file read with `pread`, so two threads can read different parts of one file.
struct FileStretch {
    let file: FileInput
    /// The next byte to read.
    private(set) var offset: Int
    /// Where the stretch ends (exclusive); reading also stops at the end of the file.
    let end: Int

    init(file: FileInput, from offset: Int, to end: Int = Int.max) {
        self.file = file
        self.offset = offset
        self.end = end
    }

    /// Fills `buffer` as far as the stretch allows; returns the count.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let want = min(buffer.count, max(end - offset, 0))
        let got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<want]), at: offset)
        offset += got
        return got
    }
}
