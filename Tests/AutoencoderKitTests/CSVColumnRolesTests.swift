import Foundation
import Testing
@testable import AutoencoderKit

/// The id column, ignored columns, the model's columns and decimal commas, on one thread and two.
@Suite struct CSVColumnRolesTests {
    private func read(_ text: String, _ options: TableReadOptions) throws -> LoadedTable {
        try TableReader.parseCSV(text, source: "t.csv", options: options)
    }

    private func failure(_ text: String, _ options: TableReadOptions) -> DataFileError? {
        do {
            _ = try read(text, options)
            return nil
        } catch {
            return error as? DataFileError
        }
    }

    @Test func idColumnIsKeptAsTextNotAsAFeature() throws {
        let table = try read("name,a,label,b\nx-1,1,0,2\n\"Rome, IT\",3,1,4\n7,5,0,6\n",
                             TableReadOptions(labelColumn: "label", idColumn: "name"))
        let data = table.dataset
        #expect(data.columnNames == ["a", "b"])
        #expect(data.features.values == [1, 2, 3, 4, 5, 6])
        #expect(data.rowIds == ["x-1", "Rome, IT", "7"])
        #expect(data.labels == [0, 1, 0])
        #expect(data.selectingRows([2, 0]).rowIds == ["7", "x-1"])
        #expect(try read("a,b\n1,2\n", TableReadOptions()).dataset.rowIds == nil)
    }

    @Test func droppedRowsDropTheirIds() throws {
        let table = try read("id,a\nr0,1\nr1,NA\nr2,3\n", TableReadOptions(dropMissing: true, idColumn: "id"))
        #expect(table.dataset.rowIds == ["r0", "r2"])
        #expect(table.dataset.sourceRows == [0, 2])
    }

    @Test func ignoredColumnsAreSkippedWhateverTheyHold() throws {
        let table = try read("a,city,note,b\n1,Paris,\"x\"\"y\",2\n3,,NA,4\n",
                             TableReadOptions(ignoredColumns: ["city", "note"]))
        #expect(table.dataset.columnNames == ["a", "b"])
        #expect(table.dataset.features.values == [1, 2, 3, 4])
        #expect(table.missingPerColumn == [0, 0])
    }

    @Test func textColumnErrorNamesTheColumn() {
        let error = failure("a,city\n1,Paris\n", TableReadOptions())
        #expect(error?.textColumn == "city")
        #expect(failure("a,b\n1,2\n1,x\n", TableReadOptions())?.textColumn == nil)
    }

    @Test func rolesMustNameColumnsOnce() {
        #expect(failure("a,b\n1,2\n", TableReadOptions(idColumn: "c"))?.description.contains("no column \"c\"") == true)
        #expect(failure("a,b\n1,2\n", TableReadOptions(labelColumn: "a", idColumn: "a"))?.description
            == "t.csv, column \"a\": cannot be both label= and id=")
        #expect(failure("a,b\n1,2\n", TableReadOptions(ignoredColumns: ["b", "b"]))?.description
            == "t.csv, column \"b\": named twice in ignore=")
        #expect(failure("a,b\n1,2\n", TableReadOptions(idColumn: "a", ignoredColumns: ["b"]))?.message
            == "no feature columns: the file holds only the id \"a\" and ignored columns")
    }

    @Test func modelColumnsSkipTheRestWhenAllPresent() throws {
        let text = "city,b,a,label\nParis,2,1,0\nRome,4,3,1\n"
        let table = try read(text, TableReadOptions(labelColumn: "label", modelColumns: ["a", "b"]))
        #expect(table.dataset.columnNames == ["b", "a"])
        #expect(table.dataset.features.values == [2, 1, 4, 3])
        #expect(table.dataset.labels == [0, 1])
        // A model column missing: every column is read, so the text column is the error.
        #expect(failure(text, TableReadOptions(modelColumns: ["a", "z"]))?.textColumn == "city")
    }

    @Test func decimalCommaReadsSemicolonFiles() throws {
        let table = try read("a;b;label\n3,5;-1,25e1;1,0\n 2 ;0,125;0\n", TableReadOptions(labelColumn: "label", decimalComma: true))
        #expect(table.dataset.features.values == [3.5, -12.5, 2, 0.125])
        #expect(table.dataset.labels == [1, 0])
        // Long and rounding-hard numbers go through strtod and must still read the comma.
        let hard = try read("a\n0,1000000000000000055511151231257827\n", TableReadOptions(decimalComma: true))
        #expect(hard.dataset.features.values == [Float(0.1)])
        #expect(failure("a;b\n1;2\n1.5;2\n", TableReadOptions(decimalComma: true))?.description
            == "t.csv line 3, column \"a\": \"1.5\" is not a number")
        #expect(failure("a,b\n\"3,5\",4\n", TableReadOptions(decimalComma: true))?.message.contains("delimiter=;") == true)
        // Without decimal commas, "3,5" stays an error (the bad-input corpus's decimal-comma.csv).
        #expect(failure("a;b\n1;2\n3,5;4\n", TableReadOptions())?.description == "t.csv line 3, column \"a\": \"3,5\" is not a number")
    }

    /// A large table with a text id, a text column to ignore and decimal commas, split by `;`.
    private func largeTable(rows: Int) -> String {
        var random = SeededGenerator(seed: 11)
        var text = "name;x0;note;x1;label\n"
        for row in 0..<rows {
            let x0 = String(format: "%.6f", random.nextNormal()).replacingOccurrences(of: ".", with: ",")
            let x1 = String(format: "%.4e", random.nextNormal() * 100).replacingOccurrences(of: ".", with: ",")
            text += "row-\(row);\(x0);word \(row % 13);\(x1);\(row % 10 == 0 ? 1 : 0)\n"
        }
        return text
    }

    @Test func twoThreadsEqualOneThread() throws {
        let path = NSTemporaryDirectory() + "aesh-csv-roles-\(getpid())-\(UUID().uuidString).csv"
        try Data(largeTable(rows: 30_000).utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let options = TableReadOptions(labelColumn: "label", idColumn: "name", ignoredColumns: ["note"], decimalComma: true)
        let serial = try TableReader.read(path: path, options: options, parallelThreshold: .max, chunkSize: 1 << 16)
        let file = try FileInput(path: path)
        let parallel = try CSVParallelReader.readReportingSplit(file: file, size: try #require(file.size), source: path,
                                                                options: options, chunkSize: 1 << 16)
        #expect(parallel.split)
        #expect(parallel.table == serial)
        #expect(serial.dataset.rowCount == 30_000)
        #expect(serial.dataset.columnNames == ["x0", "x1"])
        #expect(serial.dataset.rowIds?.first == "row-0")
        #expect(serial.dataset.rowIds?.last == "row-29999")
        #expect(serial.dataset.rowIds == (0..<30_000).map { "row-\($0)" })
        // The model's columns skip the text columns the same way on both paths.
        let modelOptions = TableReadOptions(labelColumn: "label", decimalComma: true, modelColumns: ["x1"])
        let modelSerial = try TableReader.read(path: path, options: modelOptions, parallelThreshold: .max, chunkSize: 1 << 16)
        let modelParallel = try CSVParallelReader.readReportingSplit(file: file, size: try #require(file.size), source: path,
                                                                     options: modelOptions, chunkSize: 1 << 16)
        #expect(modelParallel.split)
        #expect(modelParallel.table == modelSerial)
        #expect(modelSerial.dataset.columnNames == ["x1"])
    }
}
