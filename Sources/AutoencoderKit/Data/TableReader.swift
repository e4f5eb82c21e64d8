#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How to read a table.
public struct TableReadOptions: Equatable, Sendable {
    /// Name of the 0/1 label column (0 = normal, 1 = anomaly), kept out of the features.
    public var labelColumn: String?
    /// The field separator; nil detects it from the header line: `,`, `\t` or `;` (most frequent).
    public var delimiter: UInt8?
    /// false: a missing cell (empty, `NA`, or NaN in any case, signed or not) is an error naming it; true: rows with
    /// one are dropped and counted. A missing label is an error either way.
    public var dropMissing: Bool
    /// Name of a column (text or numbers) kept as each row's identifier, not a feature (CSV only).
    public var idColumn: String?
    /// Columns skipped whatever they hold (CSV only).
    public var ignoredColumns: [String]
    /// Whether numbers use a decimal comma (`3,5`) instead of a point; the delimiter cannot then be a comma.
    public var decimalComma: Bool
    /// The columns a model uses: when the header has them all, every other column (label and id
    /// aside) is skipped whatever it holds; when it lacks one, all columns are read as usual.
    public var modelColumns: [String]?

    /// Options with the given label column, delimiter, missing-value rule, id, ignored columns,
    /// decimal mark and model columns.
    public init(labelColumn: String? = nil, delimiter: UInt8? = nil, dropMissing: Bool = false,
                idColumn: String? = nil, ignoredColumns: [String] = [], decimalComma: Bool = false,
                modelColumns: [String]? = nil) {
        self.labelColumn = labelColumn
        self.delimiter = delimiter
        self.dropMissing = dropMissing
        self.idColumn = idColumn
        self.ignoredColumns = ignoredColumns
        self.decimalComma = decimalComma
        self.modelColumns = modelColumns
    }
}

/// A table that was read, with what was dropped.
public struct LoadedTable: Equatable, Sendable {
    /// The features, labels and source row numbers (which skip dropped rows).
    public var dataset: Dataset
    /// Rows dropped for missing values (only with `dropMissing`).
    public var droppedRows: Int
    /// Missing cells seen per feature column, counted before dropping.
    public var missingPerColumn: [Int]
    /// The columns scanned past unread: those ignored, and those the model does not use.
    public var skippedColumns: [String]

    /// A loaded table.
    public init(dataset: Dataset, droppedRows: Int, missingPerColumn: [Int], skippedColumns: [String] = []) {
        self.dataset = dataset
        self.droppedRows = droppedRows
        self.missingPerColumn = missingPerColumn
        self.skippedColumns = skippedColumns
    }
}

/// Reads numeric tables from CSV/TSV text or NumPy `.npy` files into a `Dataset`.
///
/// CSV: the first non-blank line is the header (names trimmed; none empty, none twice). A UTF-8 BOM
/// is skipped; LF and CRLF both end lines (a file whose lines end in CR alone is refused, saying so); names and id cells must be UTF-8; blank lines are skipped anywhere and are not data rows.
/// A field in double quotes may hold the delimiter, `""` for a quote, and line breaks; line numbers
/// in errors are physical lines of the file. Every record must have the header's number of fields.
/// Feature cells are decimal numbers (spaces around them allowed) that are finite as Float32,
/// rounded exactly as `Float(strtod(cell))`; empty, `NA` and NaN in any letter case (`nan`, `NAN`, `-nan`) are missing values.
/// Label cells must be 0 or 1 (`0.0`, `1.0`, … too). The id column's cells are kept as text; ignored
/// columns (and, when the model's columns are all there, the columns it does not use) are scanned
/// past unread. With `decimalComma`, `3,5` is three and a half (and `3.5` is not a number).
///
/// `.npy` (by extension): version 1, 2 or 3; dtypes `f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1` in either
/// byte order; C or Fortran order; shape `(n,)` or `(n, m)`. Columns are named `x0`, `x1`, …, and
/// `labelColumn` names one of them. NaN is a missing value, as in CSV.
public enum TableReader {
    /// Bytes read from a file per step: large enough that the per-chunk work is noise.
    static let chunkSize = 1 << 20

    /// Regular CSV files from this size on are read on two threads (see `CSVParallelReader`).
    static let parallelThreshold = 4 << 20

    /// Reads a CSV/TSV file, or a `.npy` file by its extension.
    ///
    /// A regular CSV file of 4 MB or more is parsed on two threads; the table, and any error, is
    /// the same as on one. `shouldStop` is asked before every chunk is read and while a pipe is
    /// awaited; when it says yes, the read ends with `InterruptedError`.
    public static func read(path: String, options: TableReadOptions,
                            shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> LoadedTable {
        try read(path: path, options: options, parallelThreshold: parallelThreshold, chunkSize: chunkSize,
                 shouldStop: shouldStop)
    }

    /// `read(path:options:shouldStop:)` with the sizes open to tests.
    static func read(path: String, options: TableReadOptions, parallelThreshold: Int,
                     chunkSize: Int, shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> LoadedTable {
        if path.lowercased().hasSuffix(".npy") {
            let bytes = try FileInput(path: path, shouldStop: shouldStop).readAll()
            return try parseNpy(bytes, source: path, options: options)
        }
        let file = try FileInput(path: path, shouldStop: shouldStop)
        if let size = file.size, size >= parallelThreshold {
            return try CSVParallelReader.read(file: file, size: size, source: path, options: options,
                                              chunkSize: chunkSize)
        }
        return try readCSV(source: path, options: options, expectedBytes: file.size, chunkSize: chunkSize,
                           read: file.read(into:))
    }

    /// Reads CSV in chunks from `read`, which fills the buffer it is given as far as it can and
    /// returns the count (less than asked only at the end of the input).
    static func readCSV(source: String, options: TableReadOptions, expectedBytes: Int?, chunkSize: Int,
                        read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> LoadedTable {
        var parser = CSVParser(source: source, options: options, expectedBytes: expectedBytes)
        var feed = CSVChunkFeed(chunkSize: chunkSize)
        try feed.feed(&parser, isLast: true, read: read)
        return try parser.finish()
    }

    /// Parses CSV bytes; `source` names the input in errors.
    public static func parseCSV(_ bytes: [UInt8], source: String, options: TableReadOptions) throws -> LoadedTable {
        var parser = CSVParser(source: source, options: options, expectedBytes: bytes.count)
        _ = try bytes.withUnsafeBufferPointer { try parser.consume($0, isFinal: true) }
        return try parser.finish()
    }

    /// Parses CSV text; `source` names the input in errors.
    public static func parseCSV(_ text: String, source: String, options: TableReadOptions) throws -> LoadedTable {
        try parseCSV(Array(text.utf8), source: source, options: options)
    }

    /// Parses the bytes of a `.npy` file; `source` names the input in errors.
    public static func parseNpy(_ bytes: [UInt8], source: String, options: TableReadOptions) throws -> LoadedTable {
        try bytes.withUnsafeBufferPointer { try NpyReader.parse($0, source: source, options: options) }
    }
}
