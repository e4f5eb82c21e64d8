#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Reads a large regular CSV file on two threads: the data rows are split at a line break near
/// the middle and each half is parsed by its own `CSVParser`, then the second is appended to the first.
///
/// The result is the one-thread result, errors included. The first half's parser is the ordinary
/// one, paused at the split; whenever the split cannot be trusted (a quote anywhere in the data, so
/// the break might lie inside a quoted field) or the second half fails in any way, that parser
/// simply reads on through the rest of the file, so every error comes from the one-thread code
/// with its true line number, and an error in the first half is reported before anything after it.
enum CSVParallelReader {
    /// How far past the middle to look for a line break before giving up on splitting.
    static let splitSearchBytes = 1 << 16

    /// Thrown inside the second half when it sees a quote; never leaves this type.
    private struct QuoteSeen: Error {}

    /// Reads the CSV file `file` of `size` bytes.
    static func read(file: FileInput, size: Int, source: String, options: TableReadOptions,
                     chunkSize: Int) throws -> LoadedTable {
        try readReportingSplit(file: file, size: size, source: source, options: options, chunkSize: chunkSize).table
    }

    /// `read`, also saying whether the two halves were really parsed apart (for tests).
    static func readReportingSplit(file: FileInput, size: Int, source: String, options: TableReadOptions,
                                   chunkSize: Int) throws -> (table: LoadedTable, split: Bool) {
        var first = CSVParser(source: source, options: options, expectedBytes: size)
        var firstFeed = CSVChunkFeed(chunkSize: chunkSize)
        var opening = FileStretch(file: file, from: 0, to: min(max(chunkSize, 4096), size))
        var lastQuote = -1
        var seen = 0
        try firstFeed.feed(&first, isLast: false, read: { try opening.read(into: $0) }, inspect: { span in
            if let at = lastIndex(of: asciiQuote, in: span) { lastQuote = seen + at }
            seen += span.count
        })
        let readSoFar = opening.offset
        guard first.header != nil, lastQuote < first.dataStartOffset,
              let split = try splitPoint(file, size: size, dataStart: first.dataStartOffset, notBefore: readSoFar)
        else {
            return (try readRest(&first, feed: &firstFeed, file: file, from: readSoFar), false)
        }

        var second = CSVParser(continuing: first, expectedBytes: size - split)
        var firstError: Error?
        var firstSawQuote = false
        var secondFailed = false
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                var stretch = FileStretch(file: file, from: readSoFar, to: split)
                do {
                    try firstFeed.feed(&first, isLast: false, read: { try stretch.read(into: $0) }, inspect: { span in
                        if !firstSawQuote, contains(asciiQuote, in: span) { firstSawQuote = true }
                    })
                } catch {
                    firstError = error
                }
            } else {
                var stretch = FileStretch(file: file, from: split)
                var feed = CSVChunkFeed(chunkSize: chunkSize)
                do {
                    try feed.feed(&second, isLast: true, read: { try stretch.read(into: $0) }, inspect: { span in
                        if contains(asciiQuote, in: span) { throw QuoteSeen() }
                    })
                } catch {
                    secondFailed = true
                }
            }
        }
        if let firstError { throw firstError }
        if firstSawQuote || secondFailed || firstFeed.pending != 0 {
            second = CSVParser(continuing: second, expectedBytes: 0)  // frees its rows before the first parser reads them again
            return (try readRest(&first, feed: &firstFeed, file: file, from: split), false)
        }
        first.append(second)
        return (try first.finish(), true)
    }

    /// The one-thread way on from `offset`: the parser reads the rest of the file and finishes.
    private static func readRest(_ parser: inout CSVParser, feed: inout CSVChunkFeed, file: FileInput,
                                 from offset: Int) throws -> LoadedTable {
        var rest = FileStretch(file: file, from: offset)
        try feed.feed(&parser, isLast: true, read: { try rest.read(into: $0) })
        return try parser.finish()
    }

    /// Just past the first line break at or after the middle of the data (and not before
    /// `notBefore`, which the first parser has already read); nil when there is none close by
    /// or the second half would be empty.
    private static func splitPoint(_ file: FileInput, size: Int, dataStart: Int, notBefore: Int) throws -> Int? {
        let middle = max(dataStart + (size - dataStart) / 2, notBefore)
        guard middle < size else { return nil }
        var window = [UInt8](repeating: 0, count: splitSearchBytes)
        let got = try window.withUnsafeMutableBytes { try file.read(into: $0, at: middle) }
        let found = window.withUnsafeBufferPointer { all -> Int? in
            guard let base = all.baseAddress, got > 0, let hit = memchr(base, Int32(asciiLF), got) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
        guard let found, middle + found + 1 < size else { return nil }
        return middle + found + 1
    }

    /// The position of the last `byte` in `span`, found with `memchr` (`memrchr` is not portable).
    private static func lastIndex(of byte: UInt8, in span: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = span.baseAddress else { return nil }
        var last: Int?
        var from = 0
        while from < span.count, let hit = memchr(base + from, Int32(byte), span.count - from) {
            let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            last = at
            from = at + 1
        }
        return last
    }

    /// Whether `span` holds `byte`.
    private static func contains(_ byte: UInt8, in span: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = span.baseAddress, span.count > 0 else { return false }
        return memchr(base, Int32(byte), span.count) != nil
    }
}

extension CSVParser {
    /// A parser for data rows that continue `other`'s table: same header and delimiter, nothing read yet.
    init(continuing other: CSVParser, expectedBytes: Int) {
        self.init(source: other.source, options: other.options, expectedBytes: expectedBytes)
        delimiter = other.delimiter
        startChecked = true
        header = other.header
        missingPerColumn = [Int](repeating: 0, count: other.missingPerColumn.count)
    }

    /// Takes in the rows `other` read, which follow this parser's rows in the file.
    mutating func append(_ other: CSVParser) {
        values.append(contentsOf: other.values)
        labels.append(contentsOf: other.labels)
        ids.append(contentsOf: other.ids)
        for (feature, count) in zip(missingPerColumn.indices, other.missingPerColumn) {
            missingPerColumn[feature] += count
        }
        let offset = dataRows
        droppedPositions.append(contentsOf: other.droppedPositions.lazy.map { $0 + offset })
        dataRows += other.dataRows
        line += other.line - 1
        consumedBefore += other.consumedBefore
    }
}
