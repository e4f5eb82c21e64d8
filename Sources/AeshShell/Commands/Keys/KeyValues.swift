import AutoencoderKit
import Foundation

/// The parsing and checking of key values, one function per kind; every error names the key and
/// says what it takes.
public enum KeyValues {
    /// A whole number in `range`; `1e3` is accepted when it is whole.
    public static func integer(_ raw: String, key: String, in range: ClosedRange<Int>) throws -> Int {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let problem = "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(raw)\""
        if let value = Int(trimmed) {
            guard range.contains(value) else { throw ShellError(problem) }
            return value
        }
        guard let value = decimal(trimmed), value.isFinite, value == value.rounded(),
              value >= Double(range.lowerBound), value <= Double(range.upperBound) else { throw ShellError(problem) }
        return Int(value)
    }

    /// A finite number within `bounds`.
    public static func number(_ raw: String, key: String, in bounds: NumberBounds) throws -> Double {
        guard let value = decimal(raw.trimmingCharacters(in: .whitespaces)), bounds.contains(value) else {
            throw ShellError("\(key) must be a number \(bounds.phrase), got \"\(raw)\"")
        }
        return value
    }

    /// `text` as a decimal number (`12`, `-0.5`, `.5`, `1e-3`), the one number syntax of every
    /// key and setting; nil for anything else, including the hexadecimal (`0x10`), `inf` and
    /// `nan` that Swift's `Double(String)` would also take.
    public static func decimal(_ text: String) -> Double? {
        var bytes = Substring(text).utf8[...]
        func digits() -> Int {
            let count = bytes.prefix(while: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }).count
            bytes = bytes.dropFirst(count)
            return count
        }
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return nil }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return nil }
        }
        guard bytes.isEmpty else { return nil }
        return Double(text)
    }

    /// One of `choices`, or a word that `aliases` maps to one.
    public static func choice(_ raw: String, key: String, from choices: [String],
                              aliases: [String: String] = [:]) throws -> String {
        if choices.contains(raw) { return raw }
        if let canonical = aliases[raw] { return canonical }
        throw ShellError("\(key) must be \(choices.joined(separator: ", ")), got \"\(raw)\"\(Suggestion.hint(for: raw, in: choices))")
    }

    /// yes/no (also true/false, on/off, 1/0).
    public static func flag(_ raw: String, key: String) throws -> Bool {
        switch raw.lowercased() {
        case "yes", "true", "on", "1": return true
        case "no", "false", "off", "0": return false
        default: throw ShellError("\(key) must be yes or no, got \"\(raw)\"")
        }
    }

    /// A seed: a whole number from 0 to 2⁶⁴ − 1.
    public static func seed(_ raw: String, key: String) throws -> UInt64 {
        guard let value = UInt64(raw.trimmingCharacters(in: .whitespaces)) else {
            throw ShellError("\(key) must be a whole number from 0 to \(UInt64.max), got \"\(raw)\"")
        }
        return value
    }

    /// Non-empty text; `what` says what is missing ("a column", "a file").
    public static func nonEmpty(_ raw: String, key: String, what: String) throws -> String {
        guard !raw.isEmpty else { throw ShellError("\(key) must name \(what)") }
        return raw
    }

    /// Comma-separated names, none empty.
    public static func list(_ raw: String, key: String) throws -> [String] {
        let names = raw.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !names.contains(where: \.isEmpty) else {
            throw ShellError("\(key) must list column names separated by commas, got \"\(raw)\"")
        }
        return names
    }

    /// "30" rather than "30.0"; "1e+300" for what is too large to write out.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
