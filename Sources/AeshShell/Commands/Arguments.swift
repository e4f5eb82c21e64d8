import AutoencoderKit
import Foundation

/// A command's words checked against its declaration, with typed accessors whose errors name the key.
public struct Arguments: Sendable {
    /// The command's name (for messages).
    public let command: String
    /// Positional words, in order.
    public let positionals: [String]
    private let options: [String: String]

    /// Checks `invocation` against `spec`: unknown or repeated keys and a wrong number of positional
    /// words are errors that name the closest valid key and the usage.
    public init(_ invocation: Invocation, spec: CommandSpec) throws {
        command = spec.name
        var options: [String: String] = [:]
        let known = spec.keys.map(\.name)
        for (key, value) in invocation.options {
            guard known.contains(key) else {
                if known.isEmpty { throw ShellError("\(spec.name) takes no keys, got \"\(key)\"") }
                throw ShellError("unknown key \"\(key)\"\(Suggestion.hint(for: key, in: known)); \(spec.name) takes \(known.joined(separator: ", "))")
            }
            guard options[key] == nil else { throw ShellError("\(key) is given twice") }
            options[key] = value
        }
        let count = invocation.positionals.count
        guard spec.positionals.contains(count) else {
            let expected = spec.positionals.lowerBound == spec.positionals.upperBound
                ? "\(spec.positionals.lowerBound)" : "\(spec.positionals.lowerBound) to \(spec.positionals.upperBound)"
            throw ShellError("expected \(expected) argument\(spec.positionals.upperBound == 1 ? "" : "s"), got \(count); usage: \(spec.usage)")
        }
        positionals = invocation.positionals
        self.options = options
    }

    /// The positional word at `index`, if given.
    public func positional(_ index: Int) -> String? {
        positionals.indices.contains(index) ? positionals[index] : nil
    }

    /// Whether `key` was given.
    public func has(_ key: String) -> Bool { options[key] != nil }

    /// The raw text of `key`, if given.
    public func text(_ key: String) -> String? { options[key] }

    /// A whole number in `range`; `1e3` is accepted when it is whole.
    public func integer(_ key: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let raw = options[key] else { return fallback }
        return try Self.parseInteger(raw, key: key, in: range)
    }

    /// A whole number in `range`, or nil when not given.
    public func optionalInteger(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let raw = options[key] else { return nil }
        return try Self.parseInteger(raw, key: key, in: range)
    }

    /// A seed: a whole number from 0 to 2⁶⁴ − 1.
    public func seed(default fallback: UInt64) throws -> UInt64 {
        guard let raw = options["seed"] else { return fallback }
        guard let value = UInt64(raw.trimmingCharacters(in: .whitespaces)) else {
            throw ShellError("seed must be a whole number from 0 to \(UInt64.max), got \"\(raw)\"")
        }
        return value
    }

    /// A finite number in `range`; `exclusiveLower`/`exclusiveUpper` leave an end out.
    public func number(_ key: String, default fallback: Double, in range: ClosedRange<Double>,
                       exclusiveLower: Bool = false, exclusiveUpper: Bool = false) throws -> Double {
        guard let raw = options[key] else { return fallback }
        return try Self.parseNumber(raw, key: key, in: range, exclusiveLower: exclusiveLower, exclusiveUpper: exclusiveUpper)
    }

    /// One of `choices`.
    public func choice(_ key: String, default fallback: String, from choices: [String]) throws -> String {
        guard let raw = options[key] else { return fallback }
        guard choices.contains(raw) else {
            throw ShellError("\(key) must be \(choices.joined(separator: ", ")), got \"\(raw)\"\(Suggestion.hint(for: raw, in: choices))")
        }
        return raw
    }

    /// yes/no (also true/false, on/off, 1/0).
    public func flag(_ key: String, default fallback: Bool) throws -> Bool {
        guard let raw = options[key] else { return fallback }
        switch raw.lowercased() {
        case "yes", "true", "on", "1": return true
        case "no", "false", "off", "0": return false
        default: throw ShellError("\(key) must be yes or no, got \"\(raw)\"")
        }
    }

    static func parseInteger(_ raw: String, key: String, in range: ClosedRange<Int>) throws -> Int {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let problem = "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(raw)\""
        if let value = Int(trimmed) {
            guard range.contains(value) else { throw ShellError(problem) }
            return value
        }
        guard let value = Double(trimmed), value.isFinite, value == value.rounded(),
              value >= Double(range.lowerBound), value <= Double(range.upperBound) else { throw ShellError(problem) }
        return Int(value)
    }

    static func parseNumber(_ raw: String, key: String, in range: ClosedRange<Double>,
                            exclusiveLower: Bool = false, exclusiveUpper: Bool = false) throws -> Double {
        let bounds: String
        if !exclusiveLower && !exclusiveUpper {
            bounds = "from \(format(range.lowerBound)) to \(format(range.upperBound))"
        } else {
            bounds = (exclusiveLower ? "greater than " : "at least ") + format(range.lowerBound)
                + (exclusiveUpper ? " and less than " : " and at most ") + format(range.upperBound)
        }
        let problem = "\(key) must be a number \(bounds), got \"\(raw)\""
        guard let value = Double(raw.trimmingCharacters(in: .whitespaces)), value.isFinite,
              range.contains(value),
              !(exclusiveLower && value == range.lowerBound), !(exclusiveUpper && value == range.upperBound)
        else { throw ShellError(problem) }
        return value
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
