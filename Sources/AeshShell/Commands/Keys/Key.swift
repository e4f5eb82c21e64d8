/// A declared key, as the registry and `help` see it.
public protocol KeyDeclaration: Sendable {
    /// The declaration: name, kind, default, summary.
    var spec: KeySpec { get }
}

/// A key with a fixed default: the command reads a `Value` whether or not it was given.
public struct Key<Value: Sendable>: KeyDeclaration {
    /// The declaration.
    public let spec: KeySpec
    /// The value when the key is not given.
    public let fallback: Value
    let parse: @Sendable (String) throws -> Value
}

/// A key without a fixed default: the command reads nil when it was not given and decides itself
/// (the session's seed, the `top` setting, "not this rule").
public struct OptionalKey<Value: Sendable>: KeyDeclaration {
    /// The declaration.
    public let spec: KeySpec
    let parse: @Sendable (String) throws -> Value
}

extension Key where Value == Int {
    /// A whole number in `range`, `fallback` when not given.
    public static func integer(_ name: String, _ summary: String, default fallback: Int,
                               in range: ClosedRange<Int>) -> Key {
        let parse: @Sendable (String) throws -> Int = { try KeyValues.integer($0, key: name, in: range) }
        return Key(spec: KeySpec(name: name, kind: .integer(range), summary: summary, defaultValue: String(fallback),
                                 check: { _ = try parse($0) }), fallback: fallback, parse: parse)
    }
}

extension Key where Value == Int? {
    /// A whole number in `range`, or `word` (the default) for nil: `precision=auto`.
    public static func integer(_ name: String, _ summary: String, orWord word: String,
                               in range: ClosedRange<Int>) -> Key {
        let parse: @Sendable (String) throws -> Int? = { raw in
            raw == word ? nil : try KeyValues.integer(raw, key: name, in: range)
        }
        return Key(spec: KeySpec(name: name, kind: .integer(range), summary: summary, defaultValue: word,
                                 words: [word], check: { _ = try parse($0) }), fallback: nil, parse: parse)
    }
}

extension OptionalKey where Value == Int {
    /// A whole number in `range`; `absent` says what leaving it out means.
    public static func integer(_ name: String, _ summary: String, in range: ClosedRange<Int>,
                               absent: String?) -> OptionalKey {
        let parse: @Sendable (String) throws -> Int = { try KeyValues.integer($0, key: name, in: range) }
        return OptionalKey(spec: KeySpec(name: name, kind: .integer(range), summary: summary, absentText: absent,
                                         check: { _ = try parse($0) }), parse: parse)
    }
}

extension Key where Value == Double {
    /// A finite number in `range` without the ends named in `excluding`, `fallback` when not given.
    public static func number(_ name: String, _ summary: String, default fallback: Double,
                              in range: ClosedRange<Double>, excluding: Set<NumberBounds.End> = [],
                              hint: String? = nil) -> Key {
        let bounds = NumberBounds(range, excluding: excluding)
        let parse: @Sendable (String) throws -> Double = { try KeyValues.number($0, key: name, in: bounds) }
        return Key(spec: KeySpec(name: name, kind: .number(bounds), summary: summary,
                                 defaultValue: KeyValues.format(fallback), hint: hint, check: { _ = try parse($0) }),
                   fallback: fallback, parse: parse)
    }
}

extension Key where Value == Double? {
    /// A finite number within bounds, or `word` (the default) for nil: `learning-rate=auto`.
    public static func number(_ name: String, _ summary: String, orWord word: String,
                              in range: ClosedRange<Double>, excluding: Set<NumberBounds.End> = []) -> Key {
        let bounds = NumberBounds(range, excluding: excluding)
        let parse: @Sendable (String) throws -> Double? = { raw in
            raw == word ? nil : try KeyValues.number(raw, key: name, in: bounds)
        }
        return Key(spec: KeySpec(name: name, kind: .number(bounds), summary: summary, defaultValue: word,
                                 words: [word], check: { _ = try parse($0) }), fallback: nil, parse: parse)
    }
}

extension OptionalKey where Value == Double {
    /// A finite number in `range` without the ends named in `excluding`.
    public static func number(_ name: String, _ summary: String, in range: ClosedRange<Double>,
                              excluding: Set<NumberBounds.End> = [], hint: String? = nil,
                              absent: String? = nil) -> OptionalKey {
        let bounds = NumberBounds(range, excluding: excluding)
        let parse: @Sendable (String) throws -> Double = { try KeyValues.number($0, key: name, in: bounds) }
        return OptionalKey(spec: KeySpec(name: name, kind: .number(bounds), summary: summary, absentText: absent,
                                         hint: hint, check: { _ = try parse($0) }), parse: parse)
    }
}

extension Key where Value == String {
    /// One of `choices`, `fallback` when not given.
    public static func choice(_ name: String, _ summary: String, default fallback: String,
                              from choices: [String]) -> Key {
        let parse: @Sendable (String) throws -> String = { try KeyValues.choice($0, key: name, from: choices) }
        return Key(spec: KeySpec(name: name, kind: .choice(choices), summary: summary, defaultValue: fallback,
                                 check: { _ = try parse($0) }), fallback: fallback, parse: parse)
    }
}

extension OptionalKey where Value == String {
    /// One of `choices` (or a word `aliases` maps to one, read as that one).
    public static func choice(_ name: String, _ summary: String, from choices: [String],
                              aliases: [String: String] = [:], absent: String?) -> OptionalKey {
        let parse: @Sendable (String) throws -> String = {
            try KeyValues.choice($0, key: name, from: choices, aliases: aliases)
        }
        return OptionalKey(spec: KeySpec(name: name, kind: .choice(choices), summary: summary, absentText: absent,
                                         check: { _ = try parse($0) }), parse: parse)
    }

    /// The name of a column; completion offers the columns of the file named on the line (or of the
    /// loaded data). Whether the column exists is for the command to say.
    public static func column(_ name: String, _ summary: String, absent: String?) -> OptionalKey {
        let parse: @Sendable (String) throws -> String = { try KeyValues.nonEmpty($0, key: name, what: "a column") }
        return OptionalKey(spec: KeySpec(name: name, kind: .column, summary: summary, absentText: absent,
                                         check: { _ = try parse($0) }), parse: parse)
    }

    /// A file (or folder) path; completion offers paths.
    public static func path(_ name: String, _ summary: String, hint: String? = nil, absent: String?) -> OptionalKey {
        let parse: @Sendable (String) throws -> String = { try KeyValues.nonEmpty($0, key: name, what: "a file") }
        return OptionalKey(spec: KeySpec(name: name, kind: .path, summary: summary, absentText: absent, hint: hint,
                                         check: { _ = try parse($0) }), parse: parse)
    }

    /// Text the command checks itself; `hint` shows its shape ("WxH").
    public static func text(_ name: String, _ summary: String, hint: String, absent: String?) -> OptionalKey {
        OptionalKey(spec: KeySpec(name: name, kind: .text, summary: summary, absentText: absent, hint: hint,
                                  check: { _ in }), parse: { $0 })
    }
}

extension Key where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
    /// One of an enumeration's cases by its raw value, `fallback` when not given.
    public static func choice(_ name: String, _ summary: String, default fallback: Value) -> Key {
        let choices = Value.allCases.map(\.rawValue)
        let parse: @Sendable (String) throws -> Value = { raw in
            let word = try KeyValues.choice(raw, key: name, from: choices)
            guard let value = Value(rawValue: word) else { throw ShellError("\(name) must be \(choices.joined(separator: ", "))") }
            return value
        }
        return Key(spec: KeySpec(name: name, kind: .choice(choices), summary: summary, defaultValue: fallback.rawValue,
                                 check: { _ = try parse($0) }), fallback: fallback, parse: parse)
    }
}

extension OptionalKey where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
    /// One of an enumeration's cases by its raw value; `absent` says what leaving it out means.
    public static func choice(_ name: String, _ summary: String, absent: String?) -> OptionalKey {
        let choices = Value.allCases.map(\.rawValue)
        let parse: @Sendable (String) throws -> Value = { raw in
            let word = try KeyValues.choice(raw, key: name, from: choices)
            guard let value = Value(rawValue: word) else { throw ShellError("\(name) must be \(choices.joined(separator: ", "))") }
            return value
        }
        return OptionalKey(spec: KeySpec(name: name, kind: .choice(choices), summary: summary, absentText: absent,
                                         check: { _ = try parse($0) }), parse: parse)
    }
}

extension Key where Value == Bool {
    /// yes or no, `fallback` when not given.
    public static func flag(_ name: String, _ summary: String, default fallback: Bool) -> Key {
        let parse: @Sendable (String) throws -> Bool = { try KeyValues.flag($0, key: name) }
        return Key(spec: KeySpec(name: name, kind: .flag, summary: summary, defaultValue: fallback ? "yes" : "no",
                                 check: { _ = try parse($0) }), fallback: fallback, parse: parse)
    }
}

extension OptionalKey where Value == UInt64 {
    /// `seed=`: a whole number from 0 to 2⁶⁴ − 1; left out, the session's seed.
    public static func seed(_ summary: String) -> OptionalKey {
        let parse: @Sendable (String) throws -> UInt64 = { try KeyValues.seed($0, key: "seed") }
        return OptionalKey(spec: KeySpec(name: "seed", kind: .seed, summary: summary, absentText: "the session's seed",
                                         check: { _ = try parse($0) }), parse: parse)
    }
}

extension OptionalKey where Value == [String] {
    /// Column names separated by commas; completion offers columns after each comma.
    public static func list(_ name: String, _ summary: String, absent: String?) -> OptionalKey {
        let parse: @Sendable (String) throws -> [String] = { try KeyValues.list($0, key: name) }
        return OptionalKey(spec: KeySpec(name: name, kind: .list, summary: summary, absentText: absent,
                                         check: { _ = try parse($0) }), parse: parse)
    }
}

extension Key where Value == UInt64 {
    /// A seed with a fixed default (the session's own seed setting).
    public static func seed(_ name: String, _ summary: String, default fallback: UInt64) -> Key {
        let parse: @Sendable (String) throws -> UInt64 = { try KeyValues.seed($0, key: name) }
        return Key(spec: KeySpec(name: name, kind: .seed, summary: summary, defaultValue: String(fallback),
                                 check: { _ = try parse($0) }), fallback: fallback, parse: parse)
    }
}

extension Key where Value == String {
    /// A path with a fixed default; `what` names it in the error for an empty value ("a folder").
    public static func path(_ name: String, _ summary: String, default fallback: String, what: String) -> Key {
        let parse: @Sendable (String) throws -> String = { try KeyValues.nonEmpty($0, key: name, what: what) }
        return Key(spec: KeySpec(name: name, kind: .path, summary: summary, defaultValue: fallback,
                                 hint: what == "a folder" ? "FOLDER" : nil, check: { _ = try parse($0) }),
                   fallback: fallback, parse: parse)
    }
}
