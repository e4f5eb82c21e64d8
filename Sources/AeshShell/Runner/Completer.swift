import Foundation

/// Tab completion at the prompt: command names, keys and their values, file paths, settings and
/// the column names of the file a `load` line names.
public struct Completer {
    let commands: [CommandSpec]
    let columnNames: () -> [String]

    /// A completer over `commands`; `columnNames` gives the loaded data's columns.
    public init(commands: [CommandSpec], columnNames: @escaping () -> [String]) {
        self.commands = commands
        self.columnNames = columnNames
    }

    /// Candidates for `word`, which starts at UTF-8 offset `wordStart` of `line`.
    public func candidates(line: String, wordStart: Int, word: String) -> [String] {
        let before = String(decoding: Array(line.utf8).prefix(max(0, wordStart)), as: UTF8.self)
        let previous = before.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let commandName = previous.first else {
            return commands.map(\.name).filter { $0.hasPrefix(word) }
        }
        guard let spec = commands.first(where: { $0.name == commandName }) else { return [] }
        if let equals = word.firstIndex(of: "=") {
            let key = String(word[..<equals])
            let typed = String(word[word.index(after: equals)...])
            guard let keySpec = spec.keys.first(where: { $0.name == key }) else { return [] }
            var values = keySpec.completions
            if key == "label" { values = labelCandidates(previous: previous) }
            return values.filter { $0.hasPrefix(typed) }.map { "\(key)=\($0)" }
        }
        let keys = spec.keys.map { "\($0.name)=" }.filter { $0.hasPrefix(word) }
        let positionalCount = previous.dropFirst().filter { !$0.contains("=") }.count
        guard positionalCount < spec.positionals.upperBound else { return keys }
        switch spec.positionalCompletion {
        case .none: return keys
        case .files: return Self.paths(matching: word) + keys
        case .choices(let choices): return choices.filter { $0.hasPrefix(word) } + keys
        case .commands: return commands.map(\.name).filter { $0.hasPrefix(word) }
        case .settings:
            return positionalCount == 0 ? Settings.names.filter { $0.hasPrefix(word) } : []
        }
    }

    /// Column names for `label=`: the header of the file the `load` line names, else the loaded data's.
    private func labelCandidates(previous: [String]) -> [String] {
        if let path = previous.dropFirst().first(where: { !$0.contains("=") }),
           let header = Self.headerNames(path: path) {
            return header
        }
        return columnNames()
    }

    /// The names in a CSV/TSV file's first line (read only up to 64 KiB).
    static func headerNames(path: String) -> [String]? {
        guard let handle = FileHandle(forReadingAtPath: NSString(string: path).expandingTildeInPath) else { return nil }
        defer { try? handle.close() }
        let bytes = handle.readData(ofLength: 65_536)
        guard let text = String(data: bytes, encoding: .utf8),
              let first = text.split(separator: "\n", maxSplits: 1).first else { return nil }
        let line = first.trimmingCharacters(in: CharacterSet(charactersIn: "\r\u{FEFF}"))
        let delimiter: Character = line.contains("\t") ? "\t" : (line.contains(";") && !line.contains(",") ? ";" : ",")
        return line.split(separator: delimiter).map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }

    /// File and folder names starting with `word` (folders end in "/").
    static func paths(matching word: String) -> [String] {
        let folderPart: String, prefix: String
        if let slash = word.lastIndex(of: "/") {
            folderPart = String(word[...slash])
            prefix = String(word[word.index(after: slash)...])
        } else {
            folderPart = ""
            prefix = word
        }
        let folder = folderPart.isEmpty ? "." : NSString(string: folderPart).expandingTildeInPath
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            let isFolder = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory)
                && isDirectory.boolValue
            return folderPart + name + (isFolder ? "/" : "")
        }
    }
}
