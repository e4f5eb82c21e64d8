import Foundation
import Testing
@testable import AutoencoderKit

/// A generated CSV table of `rows` data rows: `x0…x6` and a 0/1 `label`, numbers in several
/// spellings, some blank lines; `edit` may change a row's cells before it is written.
private func makeTable(rows: Int, lineEnd: String = "\n", seed: UInt64 = 7,
                       edit: (Int, inout [String]) -> Void = { _, _ in }) -> String {
    var random = SeededGenerator(seed: seed)
    var text = "x0,x1,x2,x3,x4,x5,x6,label" + lineEnd
    for row in 0..<rows {
        var cells: [String] = []
        for column in 0..<7 {
            let value = random.nextNormal() * 3
            switch (row + column) % 4 {
            case 0: cells.append(String(format: "%.6f", value))
            case 1: cells.append(String(format: "%.9e", value))
            case 2: cells.append(String(Float(value)))
            default: cells.append(String(format: " %.3f", value))
            }
        }
        cells.append(random.nextIndex(below: 10) == 0 ? "1" : "0")
        edit(row, &cells)
        text += cells.joined(separator: ",") + lineEnd
        if random.nextIndex(below: 500) == 0 { text += lineEnd }
    }
    return text
}

/// Writes `text` to a fresh temporary file and returns its path.
private func temporaryFile(_ text: String) throws -> String {
    let path = NSTemporaryDirectory() + "aesh-csv-parallel-\(getpid())-\(UUID().uuidString).csv"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// What a read gives, so the two ways can be compared whole.
private enum Outcome: Equatable {
    case table(LoadedTable, bits: [UInt32])
    case error(DataFileError)
}

/// Reads `path` on one thread.
private func oneThread(_ path: String, _ options: TableReadOptions) -> Outcome {
    outcome { try TableReader.read(path: path, options: options, parallelThreshold: .max, chunkSize: 1 << 16) }
}

/// Reads `path` the two-thread way (forced with a zero threshold); also whether it really split.
private func twoThreads(_ path: String, _ options: TableReadOptions) throws -> (outcome: Outcome, split: Bool) {
    let file = try FileInput(path: path)
    let size = try #require(file.size)
    var split = false
    let result = outcome {
        let read = try CSVParallelReader.readReportingSplit(file: file, size: size, source: path, options: options,
                                                            chunkSize: 1 << 16)
        split = read.split
        return read.table
    }
    return (result, split)
}

private func outcome(_ body: () throws -> LoadedTable) -> Outcome {
    do {
        let table = try body()
        return .table(table, bits: table.dataset.features.values.map(\.bitPattern))
    } catch let error as DataFileError {
        return .error(error)
    } catch {
        Issue.record("unexpected error type: \(error)")
        return .error(DataFileError(path: "", message: "\(error)"))
    }
}

@Suite struct CSVParallelTests {
    private let labelled = TableReadOptions(labelColumn: "label")

    @Test func twoThreadsEqualOneThread() throws {
        for lineEnd in ["\n", "\r\n"] {
            let path = try temporaryFile(makeTable(rows: 30_000, lineEnd: lineEnd))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let (parallel, split) = try twoThreads(path, labelled)
            #expect(split)
            let serial = oneThread(path, labelled)
            #expect(parallel == serial)
            guard case .table(let table, _) = parallel else {
                Issue.record("no table: \(parallel)")
                continue
            }
            #expect(table.dataset.features.rows == 30_000)
            #expect(table.dataset.labels?.count == 30_000)
            // Through the entry point that picks the way by size, with small chunks.
            #expect(outcome {
                try TableReader.read(path: path, options: labelled, parallelThreshold: 0, chunkSize: 4096)
            } == serial)
        }
    }

    @Test func errorInSecondHalfNamesItsLine() throws {
        let bad = 24_000
        let path = try temporaryFile(makeTable(rows: 30_000) { row, cells in if row == bad { cells[3] = "abc" } })
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLine = try #require(lines.firstIndex { $0.contains("abc") }) + 1
        #expect(expectedLine > lines.count / 2)
        let (parallel, _) = try twoThreads(path, labelled)
        #expect(parallel == oneThread(path, labelled))
        guard case .error(let error) = parallel else {
            Issue.record("expected an error, got a table")
            return
        }
        #expect(error.line == expectedLine)
        #expect(error.column == "x3")
        #expect(error.description.contains("\"abc\" is not a number"))
    }

    @Test func errorsInBothHalvesReportTheFirst() throws {
        let path = try temporaryFile(makeTable(rows: 30_000) { row, cells in
            if row == 5_000 { cells[1] = "first" }
            if row == 25_000 { cells.removeLast() }
        })
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (parallel, _) = try twoThreads(path, labelled)
        #expect(parallel == oneThread(path, labelled))
        guard case .error(let error) = parallel else {
            Issue.record("expected an error, got a table")
            return
        }
        #expect(error.column == "x1")
        #expect(error.description.contains("\"first\""))
        #expect((error.line ?? 0) >= 5_002 && (error.line ?? 0) < 5_100)
    }

    @Test func missingValuesMatch() throws {
        let path = try temporaryFile(makeTable(rows: 30_000) { row, cells in
            if row % 997 == 3 { cells[row % 7] = row % 2 == 0 ? "" : "NA" }
        })
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = labelled
        options.dropMissing = true
        let (parallel, split) = try twoThreads(path, options)
        #expect(split)
        #expect(parallel == oneThread(path, options))
        guard case .table(let table, _) = parallel else {
            Issue.record("no table: \(parallel)")
            return
        }
        let dropped = (0..<30_000).filter { $0 % 997 == 3 }
        #expect(table.droppedRows == dropped.count)
        #expect(table.missingPerColumn.reduce(0, +) == dropped.count)
        #expect(table.dataset.sourceRows == (0..<30_000).filter { $0 % 997 != 3 })

        // Without dropMissing the first missing cell is the error, as on one thread.
        let (strict, _) = try twoThreads(path, labelled)
        #expect(strict == oneThread(path, labelled))
        guard case .error(let error) = strict else {
            Issue.record("expected an error, got a table")
            return
        }
        #expect(error.line == 3 + 2)
    }

    @Test func quotedDataIsNotSplit() throws {
        // A quoted field spanning the middle would make a split there wrong.
        let path = try temporaryFile(makeTable(rows: 30_000) { row, cells in
            if row == 15_000 { cells[2] = "\"1.5\n\"" }
        })
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (parallel, split) = try twoThreads(path, labelled)
        #expect(!split)
        #expect(parallel == oneThread(path, labelled))
    }
    @Test func edgeCasesMatchOneThread() throws {
        let big = makeTable(rows: 20_000)
        let texts = [
            "", "\n\n", "a,b\n", "\u{FEFF}a,b\r\n1,2\r\n", "a,b\n1,2", "a;b\n1;2\n\n3;4\n",
            String(big.dropLast()),  // no line break at the end
            "\"x0\",x1,x2,x3,x4,x5,x6,\"label\"\n" + big.drop { $0 != "\n" }.dropFirst(),  // quoted header
        ]
        for (index, text) in texts.enumerated() {
            let path = try temporaryFile(text)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let options = index >= 6 ? labelled : TableReadOptions()
            let (parallel, split) = try twoThreads(path, options)
            #expect(parallel == oneThread(path, options), "text \(index)")
            #expect(split == (index >= 6), "text \(index)")
        }
    }
}
