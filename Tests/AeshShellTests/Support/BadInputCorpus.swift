import Foundation
import Testing
@testable import AeshShell

/// One file of Tests/Fixtures/bad that `load` must refuse: its name, the words after the path
/// (`label=label`), and the end of the message after the path as typed.
struct BadDataFile: CustomStringConvertible, Sendable {
    let file: String
    let options: String
    let problem: String

    init(_ file: String, _ options: String, _ problem: String) {
        self.file = file
        self.options = options
        self.problem = problem
    }

    init(_ file: String, _ problem: String) { self.init(file, "", problem) }

    var description: String { file + (options.isEmpty ? "" : " " + options) }
}

/// The bad-input corpus under Tests/Fixtures/bad, and the check every case shares: the command
/// fails, says exactly what and where, and leaves the session exactly as it was.
enum BadInput {
    /// Tests/Fixtures/bad.
    static let folder = ShellHarness.repositoryRoot + "/Tests/Fixtures/bad"

    /// A corpus file's absolute path.
    static func path(_ name: String) -> String { folder + "/" + name }

    /// A small session with everything in it (data, split, scaling, model, scores, threshold), so
    /// that a failing command has state to spoil. Tiny data: a whole preparation takes milliseconds.
    static let prepared = """
    generate normal=60 anomalies=6 features=3 seed=2
    split test=0.25 seed=2
    scale standard
    model 2
    train epochs=1 seed=2
    errors top=0
    threshold 0.9
    """

    /// A harness that has run `prepared`.
    static func preparedHarness(sourceLocation: SourceLocation = #_sourceLocation) throws -> ShellHarness {
        let harness = try ShellHarness()
        #expect(harness.run(prepared) == 0, "\(harness.console.errors)", sourceLocation: sourceLocation)
        return harness
    }

    /// Runs `line` and checks that it failed with exactly `message` on the error output (when
    /// `exact`; else that the message contains it) and that the session did not change.
    static func expectRefused(_ line: String, _ message: String, in harness: ShellHarness, exact: Bool = false,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let before = harness.fingerprint
        let start = harness.console.errors.endIndex
        #expect(!harness.execute(line), "\(line) should fail", sourceLocation: sourceLocation)
        let said = String(harness.console.errors[start...])
        if exact {
            #expect(said == message + "\n", "\(line)", sourceLocation: sourceLocation)
        } else {
            #expect(said.contains(message), "\(line): got \(said)", sourceLocation: sourceLocation)
        }
        #expect(harness.fingerprint == before, "\(line) changed the session", sourceLocation: sourceLocation)
    }

    /// Runs `line` and checks that it succeeded; returns its output.
    @discardableResult
    static func expectAccepted(_ line: String, in harness: ShellHarness,
                               sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let start = harness.console.output.endIndex
        let errorStart = harness.console.errors.endIndex
        #expect(harness.execute(line), "\(line): \(harness.console.errors[errorStart...])", sourceLocation: sourceLocation)
        return String(harness.console.output[start...])
    }

    /// Data files `load` refuses, with the message after the path.
    static let unloadableFiles: [BadDataFile] = [
        BadDataFile("empty.csv", ": the file is empty"),
        BadDataFile("blank-lines.csv", ": the file is empty"),
        BadDataFile("header-only.csv", "label=label", ": no data rows after the header"),
        BadDataFile("ragged-rows.csv", ": line 3 has 2 fields, the header has 3"),
        BadDataFile("non-numeric-cell.csv", #" line 4, column "b": "abc" is not a number"#),
        BadDataFile("text-column.csv", #": column "city" is not numeric (line 2: "Paris"); keep it as each row's identifier with id=city, or leave it out with ignore=city"#),
        BadDataFile("nan-cell.csv", #" line 3, column "b": missing value ("NaN")"#),
        BadDataFile("inf-cell.csv", #" line 3, column "a": "-inf" is not a finite number"#),
        BadDataFile("overflow-1e309.csv", #" line 3, column "b": "1e309" is not a finite number"#),
        BadDataFile("float32-overflow.csv", #" line 3, column "a": "3.5e38" is outside the 32-bit float range"#),
        BadDataFile("decimal-comma.csv", #" line 3, column "a": "3,5" is not a number"#),
        BadDataFile("unterminated-quote.csv", " line 3: a quoted field is never closed"),
        BadDataFile("missing-label.csv", "label=label", #": no column "label"; the columns are a, b"#),
        BadDataFile("label-two.csv", "label=label", #" line 3, column "label": a label must be 0 or 1, not "2""#),
        BadDataFile("label-text.csv", "label=label", #" line 3, column "label": a label must be 0 or 1, not "yes""#),
        BadDataFile("label-empty.csv", "label=label", #" line 3, column "label": a label must be 0 or 1, not """#),
        BadDataFile("label-only.csv", "label=label", #": no feature columns: the only column is the label "label""#),
        BadDataFile("garbage.bin", ": does not look like a text table (it contains NUL bytes)"),
        BadDataFile("garbage-no-nul.bin", " line 1: the header contains control characters; is this a text table?"),
        BadDataFile("control-header.csv", " line 1: the header contains control characters; is this a text table?"),
        BadDataFile("latin1.csv", ": line 1, column 1 of the header is not UTF-8 text (\"caf\u{FFFD}\"); save the file as UTF-8"),
        BadDataFile("utf16.csv", ": the file is UTF-16 text; save it as UTF-8"),
        BadDataFile("duplicate-names.csv", #" line 1, column "a": the name appears twice (columns 1 and 3)"#),
        BadDataFile("unnamed-column.csv", " line 1: column 2 of the header has no name"),
        BadDataFile("no-such-file.csv", ": no such file"),
        BadDataFile("empty.csv/data.csv", ": no such file (a folder in the path is a file)"),
        BadDataFile(".", ": is a directory, not a data file"),
    ]

    /// Model files `open` refuses, with the message after the path.
    static let unopenableModels: [(file: String, problem: String)] = [
        ("truncated.aemodel", ": not an aesh model file (it may be truncated or written by another program)"),
        ("other-program.aemodel", ": not an aesh model file (it may be truncated or written by another program)"),
        ("png-header.aemodel", ": not an aesh model file (it may be truncated or written by another program)"),
        ("garbage.bin", ": not an aesh model file (it may be truncated or written by another program)"),
        ("empty.csv", ": not an aesh model file (it may be truncated or written by another program)"),
        ("version-99.aemodel", ": model file version 99 is not one this aesh reads (it reads versions 1 to 3)"),
        ("no-version.aemodel", ": the model file has no version"),
        ("inconsistent.aemodel", ": the network is inconsistent: layer 1 of 2 (3 → 2) has 5 weights; expected 3 × 2"),
        ("columns-mismatch.aemodel", ": the model names 2 columns but its network takes 3"),
        ("no-such-model.aemodel", ": no such file"),
        (".", ": is a directory, not a data file"),
    ]
}
