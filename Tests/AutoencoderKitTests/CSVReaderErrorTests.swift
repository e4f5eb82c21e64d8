import Foundation
import Testing
@testable import AutoencoderKit

/// The error reading `text` as t.csv gives, or nil when it reads.
private func failure(_ text: String, _ options: TableReadOptions = .init()) -> DataFileError? {
    failure(bytes: Array(text.utf8), options)
}

private func failure(bytes: [UInt8], _ options: TableReadOptions = .init()) -> DataFileError? {
    dataFileError { _ = try TableReader.parseCSV(bytes, source: "t.csv", options: options) }
}

/// A fresh empty folder for files a test writes.
private func scratchFolder() throws -> String {
    let path = NSTemporaryDirectory() + "aesh-csv-tests-\(getpid())-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite struct CSVReaderErrorTests {
    @Test func badCellsNameLineColumnAndCell() {
        #expect(failure("t,temp\n1,2\n\n3,abc\n")?.description == "t.csv line 4, column \"temp\": \"abc\" is not a number")
        let infinite = failure("a,b\n1,2\n3,inf\n")
        #expect(infinite?.description == "t.csv line 3, column \"b\": \"inf\" is not a finite number")
        #expect(failure("a,b\n1,2\n1e309,2\n")?.description == "t.csv line 3, column \"a\": \"1e309\" is not a finite number")
        #expect(failure("a,b\n1,2\n1,-1e39\n")?.description
            == "t.csv line 3, column \"b\": \"-1e39\" is outside the 32-bit float range")
        #expect(failure("a,b\n1,2\n1,1.5x\n")?.line == 3)
        #expect(failure("a,b\n1,2\n1,\"2\"\"\"\n")?.description == "t.csv line 3, column \"b\": \"2\"\" is not a number")
    }

    @Test func textColumnIsReportedAsSuch() {
        let error = failure("id,city\n1,Paris\n2,Rome\n")
        #expect(error?.description == "t.csv: column \"city\" is not numeric (line 2: \"Paris\")")
        #expect(error?.line == 2)
        #expect(error?.column == "city")
    }

    @Test func fieldCountMustMatchTheHeader() {
        let few = failure("a,b\n1,2\n\n3\n")
        #expect(few?.description == "t.csv: line 4 has 1 field, the header has 2")
        #expect(few?.line == 4)
        #expect(failure("a,b\r\n1,2\r\n3,4,5\r\n")?.message == "line 3 has 3 fields, the header has 2")
        #expect(failure("a,b\n1,2\n3,4,\n")?.message == "line 3 has 3 fields, the header has 2")
    }

    @Test func headerProblems() {
        #expect(failure("a,,b\n1,2,3\n")?.description == "t.csv line 1: column 2 of the header has no name")
        #expect(failure("a,b, a\n1,2,3\n")?.description == "t.csv line 1, column \"a\": the name appears twice (columns 1 and 3)")
        #expect(failure("")?.description == "t.csv: the file is empty")
        #expect(failure("\u{FEFF}\r\n\n")?.message == "the file is empty")
        #expect(failure("a,b\n")?.description == "t.csv: no data rows after the header")
        #expect(failure("a,b\n\n\n")?.message == "no data rows after the header")
        #expect(failure("y\n1\n", TableReadOptions(labelColumn: "y"))?.message.hasPrefix("no feature columns") == true)
    }

    @Test func labelProblems() {
        let options = TableReadOptions(labelColumn: "label")
        let missing = failure("a,lable,b\n1,0,2\n", options)
        #expect(missing?.description == "t.csv: no column \"label\"; the columns are a, lable, b (did you mean \"lable\"?)")
        #expect(failure("x,Label\n1,0\n", options)?.message.hasSuffix("(did you mean \"Label\"?)") == true)
        #expect(failure("x,label\n1,0\n2,2\n", options)?.description
            == "t.csv line 3, column \"label\": a label must be 0 or 1, not \"2\"")
        #expect(failure("x,label\n1,yes\n", options)?.line == 2)
        #expect(failure("x,label\n1,yes\n", TableReadOptions(labelColumn: "label", dropMissing: true))?.line == 2)
    }

    /// missing=drop drops a row whose label is missing as it drops one with a missing feature
    /// (pandas' dropna does the same); without it the empty label is the error.
    @Test func aMissingLabelIsDroppedWithMissingDrop() throws {
        let text = "x,label\n1,\n2,1\n3,NA\n4,0\n"
        let table = try TableReader.parseCSV(Array(text.utf8), source: "t.csv",
                                             options: TableReadOptions(labelColumn: "label", dropMissing: true))
        #expect(table.dataset.features.values == [2, 4] && table.dataset.labels == [1, 0])
        #expect(table.dataset.sourceRows == [1, 3] && table.droppedRows == 2)
        #expect(failure(text, TableReadOptions(labelColumn: "label"))?.line == 2)
    }

    @Test func quotingProblems() {
        let open = failure("a,b\n1,2\n3,\"4\n5,6\n")
        #expect(open?.description == "t.csv line 3: a quoted field is never closed")
        #expect(failure("a,b\n1,\"2\"x\n")?.line == 2)
    }

    @Test func binaryInputIsRefused() {
        #expect(failure(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])?.message.contains("NUL") == true)
        #expect(failure(bytes: [0xFF, 0xFE, 0x61, 0x00])?.message.contains("UTF-16") == true)
        #expect(failure(bytes: [0x01, 0x02, 0x2C, 0x03, 0x0A, 0x31, 0x2C, 0x32])?.message.contains("control") == true)
    }

    @Test func fileProblemsNameThePath() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missingPath = folder + "/absent.csv"
        #expect(throws: DataFileError(path: missingPath, message: "no such file")) {
            try TableReader.read(path: missingPath, options: .init())
        }
        #expect(throws: DataFileError(path: folder, message: "is a directory, not a data file")) {
            try TableReader.read(path: folder, options: .init())
        }
        let good = folder + "/good.csv"
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: good))
        #expect(try TableReader.read(path: good, options: .init()).dataset.features.values == [1, 2])
        let empty = folder + "/empty.csv"
        try Data().write(to: URL(fileURLWithPath: empty))
        #expect(throws: DataFileError(path: empty, message: "the file is empty")) {
            try TableReader.read(path: empty, options: .init())
        }
    }

    @Test func openFailuresAreNamed() {
        #expect(FileInput.error(path: "p.csv", errno: EACCES).description == "p.csv: permission denied")
        #expect(FileInput.error(path: "p.csv", errno: ENOENT).description == "p.csv: no such file")
        #expect(FileInput.error(path: "d", errno: EISDIR).description == "d: is a directory, not a data file")
    }

    @Test(.enabled(if: getuid() != 0, "root can read any file"))
    func unreadableFileNamesThePath() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/secret.csv"
        try Data("a\n1\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0)
        #expect(throws: DataFileError(path: path, message: "permission denied")) {
            try TableReader.read(path: path, options: .init())
        }
    }
}
