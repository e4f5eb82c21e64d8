import Foundation
import Testing
@testable import AutoencoderKit

/// One rule for each spelling question of a CSV file: every spelling of NaN is a missing value,
/// bytes that are not UTF-8 are refused in names and ids as in numbers, naming line and column,
/// and lines that end in CR alone are refused saying so (rather than read as one long line).
@Suite struct CSVSpellingTests {
    func read(_ bytes: [UInt8], _ options: TableReadOptions = .init()) throws -> LoadedTable {
        try TableReader.parseCSV(bytes, source: "t.csv", options: options)
    }

    func failure(_ bytes: [UInt8], _ options: TableReadOptions = .init()) -> String? {
        do {
            _ = try read(bytes, options)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: ["nan", "NaN", "NAN", "nAn", "-nan", "+nan", "-NaN", "NA", ""])
    func everySpellingOfNaNIsAMissingValue(_ spelling: String) throws {
        let table = try read(Array("a,b\n1,2\n\(spelling),3\n4,5\n".utf8), TableReadOptions(dropMissing: true))
        #expect(table.droppedRows == 1)
        #expect(table.missingPerColumn == [1, 0])
        let message = try #require(failure(Array("a,b\n1,2\n\(spelling),3\n".utf8)))
        #expect(message.hasPrefix("t.csv line 3, column \"a\": missing value"), "\(message)")
    }

    @Test(arguments: ["nana", "-na", "--nan", "nan1"])
    func wordsThatOnlyLookLikeNaNAreNotMissing(_ word: String) {
        #expect(failure(Array("a,b\n1,2\n\(word),3\n".utf8)) == "t.csv line 3, column \"a\": \"\(word)\" is not a number")
    }

    @Test func aHeaderNameThatIsNotUTF8IsRefusedNamingLineAndColumn() {
        let latin1 = Array("a,caf".utf8) + [0xE9] + Array("\n1,2\n".utf8)
        #expect(failure(latin1) == "t.csv: line 1, column 2 of the header is not UTF-8 text (\"caf\u{FFFD}\"); save the file as UTF-8")
        let afterBlankLines = Array("\n\nx,".utf8) + [0xFF, 0xFE] + Array("\n1,2\n".utf8)
        #expect(failure(afterBlankLines)?.hasPrefix("t.csv: line 3, column 2 of the header is not UTF-8 text") == true)
    }

    @Test func anIdThatIsNotUTF8IsRefusedNamingLineAndColumn() {
        let bytes = Array("name,a\nok,1\n".utf8) + [0x4D, 0xFC, 0x6C] + Array(",2\n".utf8)
        #expect(failure(bytes, TableReadOptions(idColumn: "name"))
            == "t.csv line 3, column \"name\": the id \"M\u{FFFD}l\" is not UTF-8 text; save the file as UTF-8")
    }

    @Test func linesEndingInCarriageReturnsAloneAreRefusedSayingSo() throws {
        let message = try #require(failure(Array("a,b\r1,2\r3,4\r".utf8)))
        #expect(message.hasPrefix("t.csv line 1: its lines end with a carriage return alone"), "\(message)")
        // CRLF is read as before, and a CR at the very end of a header is no sign of CR-only lines.
        #expect(try read(Array("a,b\r\n1,2\r\n".utf8)).dataset.rowCount == 1)
        #expect(try read(Array("a,b\r\n1,2".utf8)).dataset.rowCount == 1)
    }
}
