import Foundation
import Testing
@testable import AeshShell
#if canImport(Glibc)
import Glibc
#endif

/// History and its file, without a terminal. Serialized: readline's history is one per process.
@Suite("LineEditor history", .serialized)
struct LineEditorHistoryTests {
    let folder = FileManager.default.temporaryDirectory.path + "/aesh-history-" + UUID().uuidString

    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func defaultHistoryPathPrefersStateHomeThenHome() {
        #expect(LineEditor.defaultHistoryPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/aesh/history")
        #expect(LineEditor.defaultHistoryPath(environment: ["XDG_STATE_HOME": "/s/", "HOME": "/h"]) == "/s/aesh/history")
        #expect(LineEditor.defaultHistoryPath(environment: ["HOME": "/home/ann"]) == "/home/ann/.local/state/aesh/history")
        // The XDG specification says to ignore an empty or relative XDG_STATE_HOME.
        #expect(LineEditor.defaultHistoryPath(environment: ["XDG_STATE_HOME": "", "HOME": "/h"]) == "/h/.local/state/aesh/history")
        #expect(LineEditor.defaultHistoryPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/aesh/history")
        #expect(LineEditor.defaultHistoryPath(environment: [:]) == nil)
    }

    @Test func rememberCreatesFoldersAndSkipsBlanksAndRepeats() throws {
        let path = folder + "/deep/er/history"
        let editor = LineEditor(historyPath: path) { _, _, _ in [] }
        for line in ["load a.csv", "   ", "", "load a.csv ", "train", "load a.csv", "two\nlines"] {
            editor.remember(line)
        }
        #expect(contents(path) == "load a.csv\ntrain\nload a.csv\ntwo lines\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/deep/er") == ["history"])
        #expect(editor.takeHistoryWarning() == nil)
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func historyIsCappedAtOneThousandEntriesNewestKept() throws {
        let path = folder + "/history"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try (0..<999).map { "cmd \($0)" }.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let editor = LineEditor(historyPath: path) { _, _, _ in [] }
        editor.remember("newer")
        editor.remember("newest")
        let lines = try #require(contents(path)).split(separator: "\n")
        #expect(lines.count == 1_000)
        #expect(lines.first == "cmd 1")
        #expect(lines.last == "newest")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["history"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func aLongHistoryFileIsReadOnlyForItsNewestEntries() throws {
        let path = folder + "/history"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try (0..<3_000).map { "cmd \($0)" }.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let entries = HistoryFile(path: path).load()
        #expect(entries.count == HistoryFile.capacity)
        #expect(entries.first == "cmd 2000")
        #expect(entries.last == "cmd 2999")
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func aHugeHistoryFileIsReadFromItsTailOnly() throws {
        // A history grown by another program: one 3 MB line, then ten short ones. Only the tail
        // is read, and the line it cuts into is not taken for an entry.
        let path = folder + "/history"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = String(repeating: "x", count: 3 << 20) + "\n" + (0..<10).map { "cmd \($0)\n" }.joined()
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(HistoryFile(path: path).load() == (0..<10).map { "cmd \($0)" })
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func loadedHistoryCountsForRepeatsAndOtherSessionsAreKept() throws {
        let path = folder + "/history"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "old one\nold two\n".write(toFile: path, atomically: true, encoding: .utf8)
        let first = LineEditor(historyPath: path) { _, _, _ in [] }
        first.remember("old two")
        #expect(contents(path) == "old one\nold two\n")
        // A second session writing meanwhile: the first session's next line goes after it.
        LineEditor(historyPath: path) { _, _, _ in [] }.remember("other session")
        first.remember("mine")
        #expect(contents(path) == "old one\nold two\nother session\nmine\n")
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func unwritableHistoryIsReportedOnceAndNeverStopsTheShell() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let blocker = folder + "/not-a-folder"
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let editor = LineEditor(historyPath: blocker + "/history") { _, _, _ in [] }
        editor.remember("load a.csv")
        let warning = try #require(editor.takeHistoryWarning())
        #expect(warning.contains("not-a-folder"))
        editor.remember("train")
        #expect(editor.takeHistoryWarning() == nil)
        #expect(LineEditor(historyPath: nil) { _, _, _ in [] }.takeHistoryWarning() == nil)
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// The pseudo-terminal harness, proved against programs that exist everywhere.
@Suite("PseudoTerminal")
struct PseudoTerminalTests {
    @Test func typedLinesReachTheProgramAndCtrlDEndsIt() throws {
        let terminal = try PseudoTerminal(executable: "/bin/cat")
        try terminal.send("hello\r")
        // The terminal echoes the typed line, then cat prints it back.
        #expect(try terminal.waitFor("hello\nhello\n") == "hello\nhello\n")
        try terminal.send("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func ctrlCInterruptsTheForegroundProgram() throws {
        let terminal = try PseudoTerminal(executable: "/bin/cat")
        try terminal.send("ready\r")
        try terminal.waitFor("ready\nready\n")
        try terminal.send("\u{03}")
        #expect(terminal.waitForExit() == 128 + SIGINT)
    }

    @Test func waitingForTextThatNeverComesThrowsWithTheOutput() throws {
        let terminal = try PseudoTerminal(executable: "/bin/cat")
        try terminal.send("something else\r")
        let error = try #require(throws: PseudoTerminalError.self) {
            try terminal.waitFor("never printed", timeout: 0.3)
        }
        #expect(error.description.contains("something else"))
    }

    @Test func theChildDiesWithTheTerminal() throws {
        var terminal: PseudoTerminal? = try PseudoTerminal(executable: "/bin/sleep", arguments: ["60"])
        let pid = try #require(terminal?.pid)
        #expect(kill(pid, 0) == 0)
        terminal = nil
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test func bashReadlineEditsRecallsCompletesAndEnds() throws {
        let terminal = try PseudoTerminal(
            executable: "/bin/bash", arguments: ["--norc", "--noprofile", "-i"],
            environment: ["PS1": "bash$ ", "HISTFILE": "/dev/null"])
        try "completed by tab\n".write(toFile: terminal.home + "/unique-name.txt", atomically: true, encoding: .utf8)
        try terminal.waitFor("bash$ ")
        // Quotes keep the typed line from containing the output it produces.
        try terminal.send("echo \"lin\"\"e one\"\r")
        try terminal.waitFor("line one\nbash$ ")
        try terminal.send("\u{1b}[A\r")
        try terminal.waitFor("line one\nbash$ ")
        try terminal.send("cat uniq\t\r")
        try terminal.waitFor("completed by tab\nbash$ ")
        try terminal.send("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func productsAreFoundBesideTheTestProgram() throws {
        // `swift test` builds every product, so the shell is there whenever its tests run.
        let aesh = try #require(PseudoTerminal.productPath("aesh"))
        #expect(aesh.hasSuffix("/aesh"))
        #expect(PseudoTerminal.productPath("no-such-product") == nil)
    }

    @Test func escapeSequencesAreDroppedEvenWhenSplitAcrossReads() {
        let bytes = Array("a\u{1b}[1;31mb\u{1b}]0;title\u{07}c\r\nd\u{1b}(Be\u{1b}[?2004hf\u{07}\rg".utf8)
        for split in 0...bytes.count {
            var filter = TerminalTextFilter()
            var text: [UInt8] = []
            filter.feed(bytes[..<split], into: &text)
            filter.feed(bytes[split...], into: &text)
            #expect(String(decoding: text, as: UTF8.self) == "abc\ndef\rg")
        }
    }
}
