import AutoencoderKit
import Foundation

/// A command's words checked against its declaration: known keys, each given once, each value of its
/// declared kind, and the declared number of positional words. Commands read the values through
/// `KeyedArguments`.
public struct Arguments: Sendable {
    /// The command's name (for messages).
    public let command: String
    /// Positional words, in order.
    public let positionals: [String]
    private let options: [String: String]
    /// Every `name=value` word in order, for a command that takes named values (`param`).
    public let namedValues: [(name: String, value: String)]
    /// The words as parsed, in the order given (to record a command otherwise than as typed).
    public let invocation: Invocation

    /// Checks `invocation` against `spec`: unknown or repeated keys, values not of their key's kind
    /// and a wrong number of positional words are errors that name the key (or the closest valid
    /// one) and the usage.
    public init(_ invocation: Invocation, spec: CommandSpec) throws {
        command = spec.name
        self.invocation = invocation
        var options: [String: String] = [:]
        let known = spec.keys.map(\.name)
        namedValues = spec.takesNamedValues ? invocation.options.map { (name: $0.key, value: $0.value) } : []
        for (key, value) in invocation.options where !spec.takesNamedValues {
            guard let declaration = spec.keys.first(where: { $0.name == key }) else {
                if known.isEmpty { throw ShellError("\(spec.name) takes no keys, got \"\(key)\"") }
                throw ShellError("unknown key \"\(key)\"\(Suggestion.hint(for: key, in: known)); \(spec.name) takes \(known.joined(separator: ", "))")
            }
            guard options[key] == nil else { throw ShellError("\(key) is given twice") }
            try declaration.check(value)
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

    /// The raw text of `key`, if given (typed reads go through `KeyedArguments`).
    func text(_ key: String) -> String? { options[key] }

    /// A whole number in `range`, for words that are not keys (a layer size).
    public static func parseInteger(_ raw: String, key: String, in range: ClosedRange<Int>) throws -> Int {
        try KeyValues.integer(raw, key: key, in: range)
    }
}
