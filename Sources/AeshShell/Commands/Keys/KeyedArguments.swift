/// A command's checked words, read through its own key set: `try arguments.value(\.epochs)` is an
/// `Int` in the declared range, or the declared default when the key was not given.
public struct KeyedArguments<Keys: KeySet>: Sendable {
    /// The checked words.
    public let base: Arguments
    private let keys = Keys()

    /// `base`, read through `Keys`.
    public init(_ base: Arguments) { self.base = base }

    /// Positional words, in order.
    public var positionals: [String] { base.positionals }

    /// The positional word at `index`, if given.
    public func positional(_ index: Int) -> String? { base.positional(index) }

    /// The value of a key with a default.
    public func value<Value>(_ path: KeyPath<Keys, Key<Value>>) throws -> Value {
        let key = keys[keyPath: path]
        guard let raw = base.text(key.spec.name) else { return key.fallback }
        return try key.parse(raw)
    }

    /// The value of a key without a fixed default; nil when not given.
    public func value<Value>(_ path: KeyPath<Keys, OptionalKey<Value>>) throws -> Value? {
        let key = keys[keyPath: path]
        guard let raw = base.text(key.spec.name) else { return nil }
        return try key.parse(raw)
    }

    /// The value of a key without a fixed default, or `fallback` (the session's seed, a setting).
    public func value<Value>(_ path: KeyPath<Keys, OptionalKey<Value>>, or fallback: Value) throws -> Value {
        try value(path) ?? fallback
    }

    /// Whether the key was given.
    public func has<Declaration: KeyDeclaration>(_ path: KeyPath<Keys, Declaration>) -> Bool {
        base.text(keys[keyPath: path].spec.name) != nil
    }

    /// The text given for the key, unparsed.
    public func text<Declaration: KeyDeclaration>(_ path: KeyPath<Keys, Declaration>) -> String? {
        base.text(keys[keyPath: path].spec.name)
    }
}
