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

    /// What readline hands the completer: the word starts after the last blank or `=` outside
    /// quotes, or just after an opening quote.
    func completeAsReadline(_ line: String, with completer: Completer? = nil) -> [String] {
        var start = 0, quote: Character?, offset = 0
        for character in line {
            offset += character.utf8.count
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
                start = offset
            } else if character == " " || character == "=" {
                start = offset
            }
        }
        let word = String(decoding: Array(line.utf8)[start...], as: UTF8.self)
        return (completer ?? self.completer).candidates(line: line, wordStart: start, word: word)
    }

    func folderWithFile(_ name: String, _ text: String) throws -> String {
        let folder = NSTemporaryDirectory() + "aesh-complete-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        return folder
    }

    @Test func afterKeyEqualsTheKeysValuesAreOfferedNotKeys() {
        // Readline breaks words at "=": the word is what follows it, and so are the candidates.
        #expect(completeAsReadline("errors on=t") == ["test", "train"])
        #expect(completeAsReadline("errors on=") == ["test", "train", "all"])
        #expect(completeAsReadline("load f.csv missing=") == ["error", "drop"])
        #expect(completeAsReadline("split stratify=") == ["yes", "no"])
        #expect(completeAsReadline("tsne method=f") == ["fft"])
        #expect(completeAsReadline("tsne dims=") == ["2", "3"])
        #expect(completeAsReadline("tsne learning-rate=") == ["auto"])
        #expect(completeAsReadline("export out/x.csv what=l") == ["latent"])
        #expect(completeAsReadline("model 6 output=li") == ["linear"])
        #expect(completeAsReadline("model 6 activation=") == ["relu", "sigmoid", "tanh", "linear"])
        #expect(completeAsReadline("train epochs=") == [])
        #expect(completeAsReadline("train bogus=") == [])
    }

    @Test func keysAlreadyGivenAreNotOfferedAgain() {
        #expect(complete("train epochs=5 e") == [])
        #expect(complete("train epochs=5 b") == ["batch="])
    }

    @Test func labelCompletesTheNamedFilesColumnsAfterEquals() throws {
        let folder = try folderWithFile("my data.csv", "temperature,is_anomaly,pressure\n1,0,2\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(completeAsReadline("load \"\(folder)/my data.csv\" label=") == ["temperature", "is_anomaly", "pressure"])
        #expect(completeAsReadline("load \"\(folder)/my data.csv\" label=te") == ["temperature"])
        // Inside an open quote the value is completed too.
        #expect(completeAsReadline("load \"\(folder)/my data.csv\" label=\"is") == ["is_anomaly"])
        // A file name with a space is offered whole (readline quotes it), also after an open quote.
        #expect(completeAsReadline("load \(folder)/my") == ["\(folder)/my data.csv"])
        #expect(completeAsReadline("load \"\(folder)/my d") == ["\(folder)/my data.csv"])
        // A path key completes paths.
        #expect(completeAsReadline("plot loss to=\(folder)/m") == ["\(folder)/my data.csv"])
    }

    @Test func headerNamesFollowQuotesAndTheDelimiterOnTheLine() throws {
        let folder = try folderWithFile("h.csv", "\"flow, l/s\",x;y,label\n1,2,0\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(completeAsReadline("load \(folder)/h.csv label=") == ["flow, l/s", "x;y", "label"])
        #expect(completeAsReadline("load \(folder)/h.csv delimiter=; label=") == ["flow, l/s,x", "y,label"])
        #expect(completeAsReadline("load \(folder)/h.csv delimiter=,, label=") == ["flow, l/s", "x;y", "label"])
    }

    @Test func setCompletesSettingsAndThenTheirValues() {
        #expect(completeAsReadline("set pl") == ["plot"])
        #expect(completeAsReadline("set plot w") == ["window"])
        #expect(completeAsReadline("set plot ") == ["auto", "text", "window", "sixel"])
        #expect(completeAsReadline("set top ") == [])
    }

    /// A key set with a list key, as `ignore=COL,COL` is declared.
    struct ListKeys: KeySet {
        let ignore = OptionalKey.list("ignore", "columns to leave out", absent: "none")
    }

    @Test func aListKeyCompletesTheNameAfterTheLastComma() {
        let spec = CommandSpec(name: "pick", summary: "pick columns", details: "", example: "pick ignore=a",
                               keys: ListKeys.self) { _, _, _ in }
        let completer = Completer(commands: [spec], columnNames: { ["temperature", "pressure", "speed"] })
        #expect(completeAsReadline("pick ignore=", with: completer) == ["temperature", "pressure", "speed"])
        #expect(completeAsReadline("pick ignore=temperature,", with: completer) == ["temperature,pressure", "temperature,speed"])
        #expect(completeAsReadline("pick ignore=speed,p", with: completer) == ["speed,pressure"])
        #expect(spec.usage == "pick [ignore=COL,…]")
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
