import Foundation

/// Tab completion at the prompt: command names, keys, and after `key=` that key's values as its
/// declaration says (choices, yes/no, the columns of the file the line names or of the loaded
/// data, paths); positional words by the command's declaration (files, choices, commands,
/// settings and then the setting's values).
public struct Completer {
    let commands: [CommandSpec]
    let columnNames: () -> [String]

    /// A completer over `commands`; `columnNames` gives the loaded data's columns.
    public init(commands: [CommandSpec], columnNames: @escaping () -> [String]) {
        self.commands = commands
        self.columnNames = columnNames
    }

    /// Candidates for `word`, which starts at UTF-8 offset `wordStart` of `line`. Each replaces
    /// `word`: after `key=` (where readline starts the word) a candidate is the value alone, for a
    /// word that holds the `=` itself it is `key=value`.
    public func candidates(line: String, wordStart: Int, word: String) -> [String] {
        let before = String(decoding: Array(line.utf8).prefix(max(0, wordStart)), as: UTF8.self)
        let context = CompletionLine(before: before)
        let typed = context.leftOver + word
        return fullWords(typed, context).filter { $0.hasPrefix(typed) }.map { String($0.dropFirst(context.leftOver.count)) }
    }

    /// Whole words (`key=value`, a path, a key) that could stand where `typed` is being typed.
    private func fullWords(_ typed: String, _ context: CompletionLine) -> [String] {
        guard let commandName = context.words.first else { return commands.map(\.name) }
        guard let spec = commands.first(where: { $0.name == commandName }) else { return [] }
        if let equals = typed.firstIndex(of: "=") {
            let key = String(typed[..<equals])
            guard let declaration = spec.keys.first(where: { $0.name == key }) else { return [] }
            return values(of: declaration, typed: String(typed[typed.index(after: equals)...]), context: context)
                .map { "\(key)=\($0)" }
        }
        let given = context.givenKeys
        let keys = spec.keys.filter { !given.contains($0.name) }.map { "\($0.name)=" }
        let position = context.positionals.count
        guard position < spec.positionals.upperBound else { return keys }
        switch spec.positionalCompletion {
        case .none: return keys
        case .files: return Self.paths(matching: typed) + keys
        case .choices(let choices): return choices + keys
        case .commands: return commands.map(\.name)
        case .settings:
            if position == 0 { return Settings.names }
            guard let setting = context.positionals.first.flatMap(Settings.declaration) else { return [] }
            return values(of: setting, typed: typed, context: context)
        }
    }

    /// The values a key's declaration offers for the value typed so far.
    private func values(of key: KeySpec, typed: String, context: CompletionLine) -> [String] {
        switch key.kind {
        case .column:
            return columns(context)
        case .list:
            // Complete the name after the last comma; names already listed are not offered again.
            let head = typed.lastIndex(of: ",").map { String(typed[...$0]) } ?? ""
            let listed = Set(head.split(separator: ",").map(String.init))
            return columns(context).filter { !listed.contains($0) }.map { head + $0 }
        case .path:
            return Self.paths(matching: typed)
        default:
            return key.completions
        }
    }

    /// Column names: the header of the file the line names (`load FILE …`), else the loaded data's.
    private func columns(_ context: CompletionLine) -> [String] {
        if let spec = commands.first(where: { $0.name == context.words.first }), case .files = spec.positionalCompletion,
           let path = context.positionals.first,
           let header = Self.headerNames(path: path, delimiter: context.value(of: "delimiter")) {
            return header
        }
        return columnNames()
    }

    /// The names in a CSV/TSV file's first line (read only up to 64 KiB), split at `delimiter`
    /// (`,`, `tab` or `;` as `load` takes it) or the one the line uses most; nil for a .npy file.
    static func headerNames(path: String, delimiter given: String? = nil) -> [String]? {
        guard !path.lowercased().hasSuffix(".npy"),
              let handle = FileHandle(forReadingAtPath: NSString(string: path).expandingTildeInPath) else { return nil }
        defer { try? handle.close() }
        let bytes = handle.readData(ofLength: 65_536)
        guard let text = String(data: bytes, encoding: .utf8),
              let first = text.split(separator: "\n", maxSplits: 1).first else { return nil }
        let line = first.trimmingCharacters(in: CharacterSet(charactersIn: "\r\u{FEFF}"))
        // Ties go to the comma, then the tab, as `load` detects it.
        let counts: [(Character, Int)] = [",", "\t", ";"].map { d in (d, line.filter { $0 == d }.count) }
        let detected = counts.dropFirst().reduce(counts[0]) { $1.1 > $0.1 ? $1 : $0 }.0
        let delimiter: Character
        switch given {
        case ","?: delimiter = ","
        case ";"?: delimiter = ";"
        case "tab"?, "\\t"?, "\t"?: delimiter = "\t"
        default: delimiter = detected
        }
        var names: [String] = [], current = "", quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == delimiter && !quoted {
                names.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        return names + [current.trimmingCharacters(in: .whitespaces)]
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
