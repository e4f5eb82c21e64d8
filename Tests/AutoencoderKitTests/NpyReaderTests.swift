import Foundation
import Testing
@testable import AutoencoderKit

/// A `.npy` file built by hand the way `numpy.save` lays it out (header padded to 64 bytes).
private func npy(_ descr: String, shape: [Int], fortran: Bool = false, version: UInt8 = 1, data: [UInt8]) -> [UInt8] {
    let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    var header = "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shapeText), }"
    let prefix = version == 1 ? 10 : 12
    header += String(repeating: " ", count: (64 - (prefix + header.utf8.count + 1) % 64) % 64) + "\n"
    let length = header.utf8.count
    var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [version, 0]
    bytes += version == 1 ? littleEndian([UInt16(length)]) : littleEndian([UInt32(length)])
    return bytes + Array(header.utf8) + data
}

private func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
    values.flatMap { value in withUnsafeBytes(of: value.littleEndian) { Array($0) } }
}

private func read(_ bytes: [UInt8], _ options: TableReadOptions = .init()) throws -> LoadedTable {
    try TableReader.parseNpy(bytes, source: "a.npy", options: options)
}

private func failure(_ bytes: [UInt8], _ options: TableReadOptions = .init()) -> DataFileError? {
    dataFileError { _ = try read(bytes, options) }
}

@Suite struct NpyReaderTests {
    @Test func float32MatrixRoundTrips() throws {
        let values: [Float] = [1.5, -2, 3.25, 1e-30, 0, 7]
        let table = try read(npy("<f4", shape: [3, 2], data: littleEndian(values.map(\.bitPattern))))
        #expect(table.dataset.columnNames == ["x0", "x1"])
        #expect(table.dataset.features.values == values)
        #expect(table.dataset.rowCount == 3)
        #expect(table.droppedRows == 0)
    }

    @Test func float64VectorIsOneColumn() throws {
        let values: [Double] = [0.1, -1e10, 3, 2.5e-3]
        for version: UInt8 in [1, 2, 3] {
            let table = try read(npy("<f8", shape: [4], version: version, data: littleEndian(values.map(\.bitPattern))))
            #expect(table.dataset.columnNames == ["x0"])
            #expect(table.dataset.features.values == values.map { Float($0) })
        }
    }

    @Test func int64WithLabelColumn() throws {
        let data = littleEndian([Int64(10), -20, 0, 30, 40, 1, -50, 60, 1])
        let table = try read(npy("<i8", shape: [3, 3], data: data), TableReadOptions(labelColumn: "x2"))
        #expect(table.dataset.columnNames == ["x0", "x1"])
        #expect(table.dataset.labelName == "x2")
        #expect(table.dataset.labels == [0, 1, 1])
        #expect(table.dataset.features.values == [10, -20, 30, 40, -50, 60])
    }

    @Test func fortranOrderIsColumnMajor() throws {
        // [[1, 2, 3], [4, 5, 6]] stored column by column.
        let data = littleEndian([Float](arrayLiteral: 1, 4, 2, 5, 3, 6).map(\.bitPattern))
        let table = try read(npy("<f4", shape: [2, 3], fortran: true, data: data))
        #expect(table.dataset.features.values == [1, 2, 3, 4, 5, 6])
        #expect(table.dataset.columnCount == 3)
    }

    @Test func smallIntegerAndBigEndianTypes() throws {
        #expect(try read(npy("|u1", shape: [2, 2], data: [0, 255, 7, 1])).dataset.features.values == [0, 255, 7, 1])
        #expect(try read(npy("|i1", shape: [2], data: [0xFF, 0x80])).dataset.features.values == [-1, -128])
        #expect(try read(npy("<i4", shape: [1, 2], data: littleEndian([Int32(-7), 9]))).dataset.features.values == [-7, 9])
        let big = [Float(2.5), -1].flatMap { value in withUnsafeBytes(of: value.bitPattern.bigEndian) { Array($0) } }
        #expect(try read(npy(">f4", shape: [2], data: big)).dataset.features.values == [2.5, -1])
    }

    @Test func missingAndOutOfRangeValues() throws {
        let data = littleEndian([1, Double.nan, 3, 4, 5, .nan].map(\.bitPattern))
        let file = npy("<f8", shape: [3, 2], data: data)
        #expect(failure(file)?.description == "a.npy, column \"x1\": row 0 (counting from 0): missing value (NaN)")
        let table = try read(file, TableReadOptions(dropMissing: true))
        #expect(table.dataset.features.values == [3, 4])
        #expect(table.dataset.sourceRows == [1])
        #expect(table.droppedRows == 2)
        #expect(table.missingPerColumn == [0, 2])
        let large = npy("<f8", shape: [2], data: littleEndian([1, 1e40].map(\.bitPattern)))
        #expect(failure(large)?.message.contains("outside the 32-bit float range") == true)
        let badLabel = npy("<i8", shape: [2, 2], data: littleEndian([Int64(1), 0, 2, 3]))
        #expect(failure(badLabel, TableReadOptions(labelColumn: "x1"))?.message
            == "row 1 (counting from 0): a label must be 0 or 1, not 3.0")
        #expect(failure(badLabel, TableReadOptions(labelColumn: "x9"))?.message.contains("did you mean") == true)
    }

    @Test func truncatedAndOddFilesAreErrors() throws {
        let good = npy("<f4", shape: [2, 2], data: littleEndian([Float](repeating: 1, count: 4).map(\.bitPattern)))
        let truncated = try #require(failure(Array(good.dropLast(3))))
        #expect(truncated.description.hasPrefix("a.npy: truncated .npy file"))
        #expect(failure(good + [0])?.message.contains("after the data") == true)
        #expect(failure(Array(good.prefix(40)))?.message.contains("truncated") == true)
        #expect(failure([])?.message == "the file is empty")
        #expect(failure(Array("a,b\n1,2\n".utf8))?.message.contains("not a .npy file") == true)
        #expect(failure(npy("<c8", shape: [1], data: [UInt8](repeating: 0, count: 8)))?.message.contains("not supported") == true)
        #expect(failure(npy("<f4", shape: [1, 1, 1], data: [0, 0, 0, 0]))?.message.contains("3 dimensions") == true)
        #expect(failure(npy("<f4", shape: [0, 2], data: []))?.message.contains("no data rows") == true)
        #expect(failure(npy("<f4", shape: [3, 0], data: []))?.message.contains("no columns") == true)
        #expect(failure(npy("<f4", shape: [Int.max, 2], data: []))?.message.contains("truncated") == true)
        // Every prefix of a valid file, and single-byte damage anywhere, gives an error, never a trap.
        for length in 0..<good.count { #expect(failure(Array(good.prefix(length))) != nil) }
        let headerEnd = good.count - 16
        for position in 8..<headerEnd {
            for replacement in Array("09(),' L[".utf8) {
                var damaged = good
                damaged[position] = replacement
                _ = failure(damaged)
            }
        }
        var random = SeededGenerator(seed: 9)
        for _ in 0..<2_000 {
            var damaged = good
            damaged[random.nextIndex(below: damaged.count)] = UInt8(truncatingIfNeeded: random.next())
            _ = failure(damaged)
        }
    }

    @Test func readsByExtension() throws {
        let folder = NSTemporaryDirectory() + "aesh-npy-tests-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/data.NPY"
        let bytes = npy("<f4", shape: [1, 2], data: littleEndian([Float(4), 5].map(\.bitPattern)))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try TableReader.read(path: path, options: .init()).dataset.features.values == [4, 5])
    }
}
