#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import AutoencoderKit

/// Parses `text` as a CSV named t.csv.
private func load(_ text: String, _ options: TableReadOptions = .init()) throws -> LoadedTable {
    try TableReader.parseCSV(Array(text.utf8), source: "t.csv", options: options)
}

/// The error parsing `text` gives, or nil when it parses.
private func failure(_ text: String, _ options: TableReadOptions = .init()) -> DataFileError? {
    dataFileError { _ = try load(text, options) }
}

/// What a parse gives, so whole-input and chunked parses can be compared.
private enum Outcome: Equatable {
    case table(LoadedTable)
    case error(DataFileError)
}

private func outcome(_ body: () throws -> LoadedTable) -> Outcome {
    do { return .table(try body()) } catch let error as DataFileError { return .error(error) } catch {
        Issue.record("unexpected error type: \(error)")
        return .error(DataFileError(path: "", message: "\(error)"))
    }
}

@Suite struct CSVReaderTests {
    @Test func bomAndCRLFLoad() throws {
        let table = try load("\u{FEFF}a,b\r\n1,2\r\n3,4\r\n")
        #expect(table.dataset.columnNames == ["a", "b"])
        #expect(table.dataset.features.values == [1, 2, 3, 4])
        #expect(table.dataset.labels == nil)
        #expect(table.dataset.sourceRows == [0, 1])
    }

    @Test func trailingNewlinesAndBlankLinesAreFine() throws {
        for text in ["a,b\n1,2", "a,b\n1,2\n", "a,b\n1,2\n\n\n", "a,b\r\n1,2\r\n\r\n", "\n\na,b\n\n1,2\n\n"] {
            let table = try load(text)
            #expect(table.dataset.features.values == [1, 2], "\(text.debugDescription)")
        }
    }

    @Test func namesAreTrimmedAndSpacesAroundNumbersAllowed() throws {
        let table = try load(" a , b\t\n  1 ,\t2 \n")
        #expect(table.dataset.columnNames == ["a", "b"])
        #expect(table.dataset.features.values == [1, 2])
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndNewlines() throws {
        let table = try load("\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n\"1.5\", \"2\" ,3\n")
        #expect(table.dataset.columnNames == ["x,1", "say \"hi\"", "two\nlines"])
        #expect(table.dataset.features.values == [1.5, 2, 3])
        // Line numbers stay physical: the header spans lines 1-2, so "bad" is on line 4.
        let error = try #require(failure("a,\"b\nc\"\n1,2\n3,bad\n"))
        #expect(error.line == 4)
        #expect(error.column == "b\nc")
    }

    @Test func delimiterIsDetectedOrGiven() throws {
        let tabs = try load("a\tb\tc,d\n1\t2\t3\n")
        #expect(tabs.dataset.columnNames == ["a", "b", "c,d"])
        #expect(tabs.dataset.features.values == [1, 2, 3])
        let semicolons = try load("a,b;c;d\n1;2;3\n")
        #expect(semicolons.dataset.columnNames == ["a,b", "c", "d"])
        #expect(semicolons.dataset.features.values == [1, 2, 3])
        let given = try load("a,b;c;d\n1,2\n", TableReadOptions(delimiter: UInt8(ascii: ",")))
        #expect(given.dataset.columnNames == ["a", "b;c;d"])
        // A tie goes to the comma.
        #expect(try load("a,b;c\n1,2\n").dataset.columnNames == ["a", "b;c"])
        let single = try load("only\n1\n2\n")
        #expect(single.dataset.columnNames == ["only"])
        #expect(single.dataset.features.values == [1, 2])
    }

    @Test func labelColumnIsExtracted() throws {
        let table = try load("x,label,y\n1,0,2\n3,1.0,4\n5,0.0,6\n7,1,8\n", TableReadOptions(labelColumn: "label"))
        #expect(table.dataset.columnNames == ["x", "y"])
        #expect(table.dataset.labelName == "label")
        #expect(table.dataset.labels == [0, 1, 0, 1])
        #expect(table.dataset.features.values == [1, 2, 3, 4, 5, 6, 7, 8])
    }

    @Test func dropMissingDropsAndCounts() throws {
        let text = "a,b,y\n1,,0\n2,NA,1\n3,4,0\nNaN,nan,1\n5,6,1\n\"\",7,0\n"
        let table = try load(text, TableReadOptions(labelColumn: "y", dropMissing: true))
        #expect(table.droppedRows == 4)
        #expect(table.missingPerColumn == [2, 3])
        #expect(table.dataset.features.values == [3, 4, 5, 6])
        #expect(table.dataset.labels == [0, 1])
        #expect(table.dataset.sourceRows == [2, 4])
        let error = try #require(failure(text, TableReadOptions(labelColumn: "y")))
        #expect(error.description == "t.csv line 2, column \"b\": missing value (empty cell)")
        #expect(failure("a\n1\nNA\n")?.description == "t.csv line 3, column \"a\": missing value (\"NA\")")
        #expect(failure("a\n1\nnan\n")?.line == 3)
        #expect(failure("a\nNA\n", TableReadOptions(dropMissing: true))?.message == "all 1 data rows have missing values")
    }

    @Test func numbersParseExactlyAsStrtod() throws {
        let cells = ["-1.5e-3", " 2 ", "+3", ".5", "5.", "-0", "0.1", "1e-45", "3.4028235e38", "-3.4028235e38",
                     "1.17549435e-38", "2.5e-46", "123456789012345678901234567890", "9007199254740993",
                     "0.000001234567890123456789", "0.30000000000000004", "1E5", "7e+2", "00012.50",
                     "1.00000005960464477539062", "1.000000059604644775390625", "16777217", "0.1234567890123456789"]
        let text = "v\n" + cells.joined(separator: "\n") + "\n"
        let values = try load(text).dataset.features.values
        try #require(values.count == cells.count)
        for (cell, value) in zip(cells, values) {
            let expected = Float(strtod(cell.trimmingCharacters(in: .whitespaces), nil))
            #expect(value.bitPattern == expected.bitPattern, "\(cell): \(value) vs \(expected)")
        }
    }

    @Test func numberParserMatchesStrtodOnRandomDecimals() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<30_000 {
            var text = random.nextIndex(below: 4) == 0 ? "-" : ""
            let digits = 1 + random.nextIndex(below: 24)
            let point = random.nextIndex(below: digits + 1)
            for k in 0..<digits {
                if k == point { text += "." }
                text += String(random.nextIndex(below: 10))
            }
            if random.nextIndex(below: 2) == 0 { text += "e\(random.nextIndex(below: 90) - 45)" }
            let bytes = Array(text.utf8)
            let parsed = bytes.withUnsafeBufferPointer { NumberParser.parseWhole($0, from: 0, to: $0.count) }
            let single = bytes.withUnsafeBufferPointer { NumberParser.parseWholeFloat($0, from: 0, to: $0.count) }
            let expected = strtod(text, nil)
            #expect(parsed?.bitPattern == expected.bitPattern, "\(text)")
            #expect(single?.bitPattern == Float(expected).bitPattern, "\(text)")
        }
    }

    @Test func floatsNearHalfwayBetweenFloatsRoundAsStrtod() {
        // Decimals within a few Double units of the midpoint between two Floats: where a fast
        // approximate conversion would round the wrong way if it did not check.
        var random = SeededGenerator(seed: 17)
        for _ in 0..<20_000 {
            let bits = UInt32(truncatingIfNeeded: random.next()) & 0x7F7F_FFFF | 0x0080_0000
            let low = Float(bitPattern: bits)
            guard low.isFinite, low.nextUp.isFinite else { continue }
            var middle = Double(low) + (Double(low.nextUp) - Double(low)) / 2
            for _ in 0..<random.nextIndex(below: 4) { middle = middle.nextUp }
            for _ in 0..<random.nextIndex(below: 4) { middle = middle.nextDown }
            let text = String(format: "%.\(15 + random.nextIndex(below: 5))e", middle)
            let bytes = Array(text.utf8)
            let parsed = bytes.withUnsafeBufferPointer { NumberParser.parseWholeFloat($0, from: 0, to: $0.count) }
            #expect(parsed?.bitPattern == Float(strtod(text, nil)).bitPattern, "\(text)")
        }
    }

    @Test func chunkedReadingMatchesWholeInput() throws {
        var text = "\u{FEFF}id,\"note\nname\",value,label\r\n"
        for row in 0..<300 {
            text += "\(row),\"v\(row % 7)\",\(Double(row) * 0.25 - 3),\(row % 3 == 0 ? 1 : 0)\r\n"
            if row % 50 == 0 { text += "\r\n" }
        }
        let bytes = Array(text.utf8)
        let options = TableReadOptions(labelColumn: "label")
        // "note\nname" is text, so the whole input fails at line 3; every chunking must agree.
        let whole = outcome { try TableReader.parseCSV(bytes, source: "t.csv", options: options) }
        guard case .error(let error) = whole else { Issue.record("expected an error"); return }
        #expect(error.line == 3)
        for chunk in [1, 2, 7, 64, 1000] {
            #expect(outcome { try parseChunked(bytes, chunk: chunk, options) } == whole, "chunk \(chunk)")
        }
        let numeric = Array(text.replacingOccurrences(of: "\"v", with: "\"1").utf8)
        let expected = outcome { try TableReader.parseCSV(numeric, source: "t.csv", options: options) }
        guard case .table(let table) = expected else { Issue.record("expected a table, got \(expected)"); return }
        #expect(table.dataset.rowCount == 300)
        for chunk in [1, 3, 64, 4096] {
            #expect(outcome { try parseChunked(numeric, chunk: chunk, options) } == expected, "chunk \(chunk)")
        }
    }

    @Test func garbageNeverTraps() {
        var random = SeededGenerator(seed: 5)
        let alphabet = Array("0123456789,;.\t\"\n\r-+e aN".utf8)
        for round in 0..<400 {
            let length = random.nextIndex(below: 200)
            let bytes: [UInt8] = (0..<length).map { _ in
                round % 2 == 0 ? UInt8(truncatingIfNeeded: random.next()) : alphabet[random.nextIndex(below: alphabet.count)]
            }
            let options = TableReadOptions(dropMissing: round % 3 == 0)
            let whole = outcome { try TableReader.parseCSV(bytes, source: "t.csv", options: options) }
            #expect(outcome { try parseChunked(bytes, chunk: 1 + round % 5, options) } == whole)
        }
    }

    @Test func manyGeneratedRowsLoad() throws {
        var random = SeededGenerator(seed: 3)
        let rows = 200_000, columns = 5
        var text = "a,b,c,d,label\n"
        text.reserveCapacity(rows * 40)
        var sum = 0.0
        for _ in 0..<rows {
            for _ in 0..<(columns - 1) {
                let cell = random.nextIndex(below: 2_000_000) - 1_000_000
                sum += Double(cell) / 1000
                let size = abs(cell)
                text += "\(cell < 0 ? "-" : "")\(size / 1000).\(String(size % 1000).leftPadded(to: 3)),"
            }
            text += "\(random.nextIndex(below: 2))\n"
        }
        let table = try load(text, TableReadOptions(labelColumn: "label"))
        #expect(table.dataset.rowCount == rows)
        #expect(table.dataset.columnCount == columns - 1)
        #expect(table.dataset.labels?.count == rows)
        let loaded = table.dataset.features.values.reduce(0.0) { $0 + Double($1) }
        #expect(abs(loaded - sum) < 1e-6 * Double(rows))
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
