#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import AutoencoderKit

/// A cell of the kinds files hold: mostly short decimals, sometimes what only the general path reads.
private func cell(_ random: inout SeededGenerator) -> String {
    let value = Double(random.nextIndex(below: 2_000_001) - 1_000_000) / 1000
    switch random.nextIndex(below: 20) {
    case 0: return String(format: "%.3e", value)
    case 1: return String(format: "%.12f", value / 7)
    case 2: return " " + String(format: "%.2f", value)
    case 3: return String(format: "+%.4f", abs(value))
    case 4: return String(format: "%.0f.", value)
    case 5: return "123456789.25"
    default: return String(format: "%.6f", value)
    }
}

/// What a parse gives, compared bit for bit: the values and rows, or the error's text.
private func result(_ body: () throws -> LoadedTable) -> String {
    do {
        let table = try body()
        return "\(table.dataset.features.values.map(\.bitPattern)) \(table.dataset.sourceRows) \(table.droppedRows)"
    } catch {
        return "error: \(error)"
    }
}

@Suite struct CSVFastRowTests {
    @Test func fastAndGeneralPathsAgreeOnNumberLikeGarbage() {
        // Read whole, rows go through the fast path where they can; fed a byte at a time, no row
        // ever has the bytes the fast path needs, so the general path reads everything.
        var random = SeededGenerator(seed: 37)
        let alphabet = Array("0123456789,.\n-+eE \r\"N".utf8)
        var fastRows = 0
        for round in 0..<1_500 {
            var bytes = Array("a,b,c\n".utf8)
            for _ in 0..<(1 + random.nextIndex(below: 12)) {
                var cells: [[UInt8]] = []
                for _ in 0..<(random.nextIndex(below: 8) == 0 ? 2 + random.nextIndex(below: 3) : 3) {
                    if random.nextIndex(below: 6) == 0 {
                        cells.append((0..<random.nextIndex(below: 12)).map { _ in alphabet[random.nextIndex(below: alphabet.count)] })
                    } else {
                        cells.append(Array(cell(&random).utf8))
                    }
                }
                if cells.count == 3, cells.allSatisfy({ $0.allSatisfy { "0123456789.-".utf8.contains($0) } }) { fastRows += 1 }
                bytes += Array(cells.joined(separator: [UInt8(ascii: ",")]))
                bytes += random.nextIndex(below: 5) == 0 ? [13, 10] : [10]
            }
            let options = TableReadOptions(dropMissing: round % 2 == 0)
            let whole = result { try TableReader.parseCSV(bytes, source: "t.csv", options: options) }
            #expect(result { try parseChunked(bytes, chunk: 1, options) } == whole, "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(fastRows > 3_000)
    }

    @Test func everyValueIsStrtodsWhateverPathReadIt() throws {
        var random = SeededGenerator(seed: 31)
        var text = "a,b,c,d\n"
        var cells: [String] = []
        for row in 0..<5_000 {
            let cellsOfRow = (0..<4).map { _ in cell(&random) }
            cells += cellsOfRow
            text += cellsOfRow.joined(separator: ",") + (row % 13 == 0 ? "\r\n" : "\n")
            if row % 500 == 0 { text += "\n" }
        }
        let bytes = Array(text.utf8)
        let table = try TableReader.parseCSV(bytes, source: "t.csv", options: .init())
        let values = table.dataset.features.values
        try #require(values.count == cells.count)
        for (cell, value) in zip(cells, values) {
            let expected = Float(strtod(cell.trimmingCharacters(in: .whitespaces), nil))
            #expect(value.bitPattern == expected.bitPattern, "\(cell)")
        }
        for chunk in [1, 5, 64, 100, 4096] {
            let chunked = try parseChunked(bytes, chunk: chunk)
            #expect(chunked.dataset.features.values.map(\.bitPattern) == values.map(\.bitPattern), "chunk \(chunk)")
            #expect(chunked.dataset.rowCount == 5_000)
        }
    }

    @Test func aBadCellAmongFastRowsIsNamedByLineAndColumn() {
        let good = String(repeating: "1.250000,-3.5,7\n", count: 2_000)
        for (bad, message) in [("1.5,abc,2", "\"abc\" is not a number"), ("1.5,,2", "missing value (empty cell)"),
                               ("1.5,2", "line 2002 has 2 fields, the header has 3"), ("1.5,2,3,4", "line 2002 has 4 fields, the header has 3"),
                               ("1.5,1e39,2", "\"1e39\" is outside the 32-bit float range"), ("1.5,inf,2", "\"inf\" is not a finite number")] {
            let text = "x,y,z\n" + good + bad + "\n" + good
            let error = dataFileError { _ = try TableReader.parseCSV(Array(text.utf8), source: "t.csv", options: .init()) }
            #expect(error?.line == 2002, "\(bad)")
            #expect(error?.description.contains(message) == true, "\(bad): \(String(describing: error))")
        }
    }

    @Test func rowsWithQuotesOrMissingValuesLeaveTheFastPathAsBefore() throws {
        let good = String(repeating: "1.5,2.5\n", count: 100)
        let text = "x,y\n" + good + "\"3.5\",4\nNA,5\n" + good + "6,\"7\"\n"
        let table = try TableReader.parseCSV(Array(text.utf8), source: "t.csv", options: TableReadOptions(dropMissing: true))
        #expect(table.dataset.rowCount == 202)
        #expect(table.droppedRows == 1)
        #expect(table.dataset.features.values[200] == 3.5)
        #expect(table.dataset.features.values.suffix(2) == [6, 7])
    }
}
