/// One key a command (or `set`) accepts, e.g. `epochs=N`, as one declaration: its name, kind (with
/// range or choices), default and summary. The usage fragment, the `help` line, the values offered
/// by tab completion and the check of a given value are derived from it. Declared through `Key` or
/// `OptionalKey`, which add the typed value the command reads.
public struct KeySpec: Sendable {
    /// The key's name.
    public let name: String
    /// What values it takes.
    public let kind: KeyKind
    /// One line on what it does, without the default (derived).
    public let summary: String
    /// The fixed default, as typed ("50", "relu", "yes"); nil when the command decides.
    public let defaultValue: String?
    /// What leaving the key out means when there is no fixed default ("the session's seed", "none").
    public let absentText: String?
    /// Words accepted besides the kind's values (e.g. `auto` for a number).
    public let words: [String]
    /// What the value looks like in usage text, when the kind's own hint ("N", "X") says too little.
    let hintOverride: String?
    /// Throws the error a bad value gets.
    let check: @Sendable (String) throws -> Void

    init(name: String, kind: KeyKind, summary: String, defaultValue: String? = nil, absentText: String? = nil,
         words: [String] = [], hint: String? = nil, check: @escaping @Sendable (String) throws -> Void) {
        self.name = name
        self.kind = kind
        self.summary = summary
        self.defaultValue = defaultValue
        self.absentText = absentText
        self.words = words
        self.hintOverride = hint
        self.check = check
    }

    /// What the value looks like: "N", "X", "a|b|c", "yes|no", "COL", "COL,…", "FILE".
    public var value: String {
        if let hintOverride { return hintOverride }
        switch kind {
        case .integer(let range) where range.count <= 3: return range.map(String.init).joined(separator: "|")
        case .integer: return (["N"] + words).joined(separator: "|")
        case .seed: return "N"
        case .number: return (["X"] + words).joined(separator: "|")
        case .choice(let choices): return choices.joined(separator: "|")
        case .flag: return "yes|no"
        case .column: return "COL"
        case .list: return "COL,…"
        case .path: return "FILE"
        case .text: return "TEXT"
        }
    }

    /// The usage fragment: `[epochs=50]` for a number with a default, `[on=test|train|all]` for a
    /// choice (its default first), `[seed=N]` otherwise.
    public var usage: String {
        switch kind {
        case .integer(let range) where range.count <= 3:
            return "[\(name)=\(Self.defaultFirst(defaultValue, range.map(String.init)))]"
        case .integer, .number:
            if let defaultValue { return "[\(name)=\(defaultValue)]" }
        case .choice(let choices) where hintOverride == nil:
            return "[\(name)=\(Self.defaultFirst(defaultValue, choices))]"
        default:
            break
        }
        return "[\(name)=\(value)]"
    }

    /// "b|a|c" for default b of a, b, c: usage lines show the default first.
    private static func defaultFirst(_ value: String?, _ choices: [String]) -> String {
        guard let value, choices.contains(value) else { return choices.joined(separator: "|") }
        return ([value] + choices.filter { $0 != value }).joined(separator: "|")
    }

    /// What the kind allows, for `help`, where the usage does not show it: "a whole number from 1 to 100000".
    public var allowed: String? {
        switch kind {
        case .integer(let range) where range.count <= 3: return nil
        case .integer(let range): return "a whole number from \(range.lowerBound) to \(range.upperBound)" + words.map { " or \($0)" }.joined()
        case .number(let bounds): return "a number \(bounds.phrase)" + words.map { " or \($0)" }.joined()
        // A choice's words are its usage already; a seed is any whole number from 0 up.
        case .choice, .seed, .flag, .column, .list, .path, .text: return nil
        }
    }

    /// The `help` line after `name=value`: the summary, what is allowed and the default.
    public var description: String {
        var text = summary
        if let allowed { text += ": " + allowed }
        if let defaultValue {
            text += " (default \(defaultValue))"
        } else if let absentText {
            text += " (default: \(absentText))"
        }
        return text
    }

    /// The values tab completion offers whatever the data: choices, yes/no, a small range's numbers,
    /// and accepted words. Columns and paths are found by the completer.
    public var completions: [String] {
        switch kind {
        case .choice(let choices): return choices
        case .flag: return ["yes", "no"]
        case .integer(let range) where range.count <= 10: return range.map(String.init)
        default: return words
        }
    }
}
