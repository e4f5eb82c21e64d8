/// Rows whose every column is a feature, read without `scanField` or a per-value append.
extension CSVParser {
    /// The widest row `fastRow` takes (its values are gathered on the stack).
    static let fastRowWidth = 64

    /// Whether rows of `header` may go through `fastRow`: every column a feature, not too many.
    static func takesFastRows(_ header: CSVHeader) -> Bool {
        header.names.count <= fastRowWidth && header.featureCount == header.names.count
    }

    /// Reads the record at `start` when every cell is a `ShortDecimal` right up to the delimiter
    /// (the last one up to `\n` or `\r\n`) and stores it as `readFields` would; returns where the
    /// next record starts. nil, with nothing changed, for any other record, which `readFields`
    /// then reads (and reports, when something is wrong with it).
    @inline(__always)
    mutating func fastRow(_ p: UnsafeBufferPointer<UInt8>, from start: Int, width: Int) -> Int? {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: width) { row -> Int? in
            var pos = start
            var column = 0
            while true {
                guard let cell = ShortDecimal.parse(p, at: pos, point: point) else { return nil }
                row[column] = cell.value
                column &+= 1
                let next = p[cell.end]
                if column < width {
                    guard next == delimiter else { return nil }
                    pos = cell.end &+ 1
                    continue
                }
                if next == asciiLF {
                    pos = cell.end &+ 1
                } else if next == asciiCR, p[cell.end &+ 1] == asciiLF {
                    pos = cell.end &+ 2
                } else {
                    return nil
                }
                break
            }
            values.append(contentsOf: UnsafeBufferPointer(row))
            line += 1
            dataRows += 1
            return pos
        }
    }
}
