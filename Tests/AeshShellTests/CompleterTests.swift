import Foundation
import Testing
@testable import AeshShell

/// What tab completion offers, without a terminal.
@Suite struct CompleterTests {
    let completer = Completer(commands: CommandRegistry.all, columnNames: { ["temperature", "pressure"] })

    func complete(_ line: String) -> [String] {
        let word = String(line.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
        return completer.candidates(line: line, wordStart: line.utf8.count - word.utf8.count, word: word)
    }

    @Test func firstWordCompletesCommandNames() {
        #expect(complete("ge") == ["generate"])
        #expect(complete("e") == ["errors", "evaluate", "export", "explain"])
    }

    @Test func laterWordsCompleteKeysAndTheirValues() {
        #expect(complete("train ep") == ["epochs="])
        #expect(complete("errors on=t") == ["on=test", "on=train"])
        #expect(complete("scale st") == ["standard"])
        #expect(complete("help thr") == ["threshold"])
        #expect(complete("set pl") == ["plot"])
    }

    @Test func labelCompletesColumnsOfTheFileBeingLoaded() throws {
        let folder = NSTemporaryDirectory() + "aesh-complete-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("\u{FEFF}speed;is_anomaly;load\r\n1;0;2\r\n".utf8).write(to: URL(fileURLWithPath: folder + "/m.csv"))
        #expect(complete("load \(folder)/m.csv label=is") == ["label=is_anomaly"])
        // Without a file on the line, the loaded data's columns are offered.
        #expect(complete("load label=p") == ["label=pressure"])
    }

    @Test func pathsCompleteWithFoldersMarked() throws {
        let folder = NSTemporaryDirectory() + "aesh-paths-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/runs", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data().write(to: URL(fileURLWithPath: folder + "/readings.csv"))
        #expect(complete("load \(folder)/r") == ["\(folder)/readings.csv", "\(folder)/runs/"])
    }
}
