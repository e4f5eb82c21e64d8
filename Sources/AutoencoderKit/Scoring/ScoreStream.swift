#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a `StreamingScorer` over a file or a pipe, handing the CSV it writes to the caller.
///
/// A regular file is read in large steps and its lines handed over in large blocks. A pipe or a
/// terminal is live: every read takes what has arrived, and the lines of the rows it completes
/// are handed over at once, so `tail -f readings.csv | aesh score m.aemodel -` answers each row
/// as its line comes in.
public enum ScoreStream {
    /// What a run did.
    public struct Summary: Equatable, Sendable {
        /// Rows scored and written.
        public var scoredRows: Int
        /// Bad rows skipped (only with `skipBadRows`).
        public var skippedRows: Int
        /// Bytes read from the input.
        public var bytesRead: Int
        /// Whether the input was read live (a pipe or a terminal) rather than as a file.
        public var isLive: Bool
    }

    /// Where the rows come from.
    public enum Input: Sendable {
        /// A file, by path.
        case path(String)
        /// Standard input, named `<stdin>` in errors.
        case standardInput
    }

    /// Bytes per read from a file, and how much output is gathered before it is handed over.
    static let blockSize = 1 << 20

    /// Scores every row of `input` with `model`, handing the output's bytes to `write` (the
    /// header line first), and each skipped bad row to `skipped` (only with `skipBadRows`).
    /// Throws a `DataFileError` for an unreadable input, a missing model column or (without
    /// `skipBadRows`) the first bad row, after writing the lines of every row before it; an
    /// `InterruptedError` when `shouldStop` says yes before a read or during a wait for input.
    public static func run(model: AnomalyModel, input: Input, skipBadRows: Bool,
                           shouldStop: @escaping @Sendable () -> Bool = { false },
                           write: ([UInt8]) throws -> Void,
                           skipped: (DataFileError) -> Void) throws -> Summary {
        let file: FileInput
        switch input {
        case .path(let path): file = try FileInput(path: path, shouldStop: shouldStop)
        case .standardInput: file = try FileInput(descriptor: STDIN_FILENO, name: "<stdin>", shouldStop: shouldStop)
        }
        return try run(model: model, file: file, skipBadRows: skipBadRows, blockSize: blockSize,
                       write: write, skipped: skipped)
    }

    /// `run` over an open input, with the block size open to tests.
    static func run(model: AnomalyModel, file: FileInput, skipBadRows: Bool, blockSize: Int,
                    write: ([UInt8]) throws -> Void, skipped: (DataFileError) -> Void) throws -> Summary {
        let isLive = file.size == nil
        var scorer = StreamingScorer(model: model, source: file.path, skipBadRows: skipBadRows)
        var buffer = [UInt8](repeating: 0, count: max(blockSize, 1))
        var pending = 0, bytesRead = 0
        var output: [UInt8] = []
        output.reserveCapacity(isLive ? 4096 : blockSize + 4096)
        func handOver(_ force: Bool) throws {
            guard !output.isEmpty, force || isLive || output.count >= blockSize else { return }
            try write(output)
            output.removeAll(keepingCapacity: true)
        }
        do {
            while true {
                if pending == buffer.count {
                    // One record longer than the buffer: make room for the rest of it.
                    buffer.append(contentsOf: repeatElement(0, count: buffer.count))
                }
                let start = pending
                let got = try buffer.withUnsafeMutableBytes { raw in
                    try file.readAvailable(into: UnsafeMutableRawBufferPointer(rebasing: raw[start...]))
                }
                bytesRead += got
                pending += got
                let isFinal = got == 0
                let end = pending
                let used = try buffer.withUnsafeBufferPointer { all in
                    try scorer.consume(UnsafeBufferPointer(rebasing: all[..<end]), isFinal: isFinal,
                                       output: &output, skipped: skipped)
                }
                if used > 0 {
                    buffer.removeSubrange(..<used)
                    buffer.append(contentsOf: repeatElement(0, count: used))
                    pending -= used
                }
                try handOver(isFinal)
                if isFinal { break }
            }
        } catch let error as DataFileError {
            try handOver(true)
            throw error
        }
        return Summary(scoredRows: scorer.scoredRows, skippedRows: scorer.skippedRows, bytesRead: bytesRead,
                       isLive: isLive)
    }
}
