@testable import AutoencoderKit

/// Feeds `bytes` to the chunked CSV reader `chunk` bytes at a time, as a file would be read.
func parseChunked(_ bytes: [UInt8], chunk: Int, _ options: TableReadOptions = .init()) throws -> LoadedTable {
    var offset = 0
    return try TableReader.readCSV(source: "t.csv", options: options, expectedBytes: bytes.count, chunkSize: chunk) { buffer in
        let count = min(buffer.count, bytes.count - offset)
        buffer.copyBytes(from: bytes[offset..<(offset + count)])
        offset += count
        return count
    }
}
