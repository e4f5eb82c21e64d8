import Testing
import AutoencoderKit
@testable import AeshShell

@Suite struct ParsingTests {
    @Test func wordsKeysQuotesAndComments() throws {
        let invocation = try #require(try Invocation.parse(#"load "my data.csv" label='is anomaly' delimiter=, # the file"#))
        #expect(invocation.name == "load")
        #expect(invocation.positionals == ["my data.csv"])
        #expect(invocation.options.map(\.key) == ["label", "delimiter"])
        #expect(invocation.options.map(\.value) == ["is anomaly", ","])
    }

    @Test func aQuotedEqualsSignStaysPositional() throws {
        let invocation = try #require(try Invocation.parse(#"load "a=b.csv""#))
        #expect(invocation.positionals == ["a=b.csv"])
        #expect(invocation.options.isEmpty)
    }

    @Test func blankAndCommentLinesAreNothing() throws {
        #expect(try Invocation.parse("   ") == nil)
        #expect(try Invocation.parse("# just a note") == nil)
    }

    @Test func unterminatedQuoteNamesTheColumn() {
        #expect(throws: ShellError("unterminated quote starting at column 6")) {
            try Invocation.parse("load \"data.csv")
        }
    }

    @Test func emptyKeyIsAnError() {
        #expect(throws: ShellError("\"=5\" has no key before =")) { try Invocation.parse("train =5") }
    }

    @Test func continuationLinesJoinAndKeepTheirFirstLineNumber() {
        let lines = ScriptLines.split("# header\r\ngenerate normal=10 \\\r\n  anomalies=2\r\n\r\ndescribe\n")
        #expect(lines == [
            ScriptLine(text: "generate normal=10    anomalies=2", lineNumber: 2),
            ScriptLine(text: "describe", lineNumber: 5),
        ])
    }

    @Test func oneLinerSplitsAtSemicolonsOutsideQuotes() {
        let lines = ScriptLines.splitOneLiner(#"help; load "a;b.csv" delimiter=";"; quit"#)
        #expect(lines.map(\.text) == ["help", #"load "a;b.csv" delimiter=";""#, "quit"])
        #expect(lines.map(\.lineNumber) == [1, 2, 3])
    }

    @Test func aSemicolonThatStartsAValueIsTheValue() throws {
        let lines = ScriptLines.splitOneLiner("load f.csv delimiter=;; describe;show")
        #expect(lines.map(\.text) == ["load f.csv delimiter=;", "describe", "show"])
        #expect(ScriptLines.splitOneLiner("load f.csv delimiter=;").map(\.text) == ["load f.csv delimiter=;"])
        let invocation = try #require(try Invocation.parse(lines[0].text))
        #expect(invocation.options.map(\.value) == [";"])
    }

    @Test func oneLinerLinesAndCommentsAreCommandsToo() {
        let lines = ScriptLines.splitOneLiner("generate normal=10 # a comment; not a command\n describe; show")
        #expect(lines.map(\.text) == ["generate normal=10", "describe", "show"])
        #expect(lines.map(\.lineNumber) == [1, 2, 3])
    }

    @Test func suggestionsFindCloseNamesOnly() {
        #expect(Suggestion.closest(to: "epoch", in: ["epochs", "batch", "lr"]) == "epochs")
        #expect(Suggestion.closest(to: "evalute", in: ["evaluate", "errors"]) == "evaluate")
        #expect(Suggestion.closest(to: "xyzzy", in: ["epochs", "batch"]) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }
}

@Suite struct FormatTests {
    @Test func tableCellsStayOnOneLine() {
        let table = Format.table(header: ["column", "max"], rows: [["odd\nname\u{1b}[31m", "1.0"]])
        #expect(table.split(separator: "\n").count == 3)
        #expect(table.contains(#"odd\nname\u{1B}[31m"#))
    }

    @Test func countsTakeTheRightNumber() {
        #expect(Format.counted(1, "row") == "1 row")
        #expect(Format.counted(2_200, "row") == "2,200 rows")
        #expect(Format.counted(1, "anomaly", "anomalies") == "1 anomaly")
        #expect(Format.counted(0, "anomaly", "anomalies") == "0 anomalies")
    }
}
