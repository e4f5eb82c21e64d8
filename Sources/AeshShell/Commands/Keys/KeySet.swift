/// The keys of one command, as the stored properties of one value: the command's declaration lists
/// them (`CommandSpec(keys: TrainKeys.self)`) and its body reads them through key paths into the
/// same type (`arguments.value(\.epochs)`), so a misspelt key or one of another command does not
/// compile, and a key read with the wrong type does not either.
public protocol KeySet: Sendable {
    /// The keys with their declared defaults.
    init()
}

extension KeySet {
    /// Every key of the set, in declaration order.
    public static var declarations: [KeySpec] {
        Mirror(reflecting: Self()).children.compactMap { ($0.value as? any KeyDeclaration)?.spec }
    }

    /// How many stored properties the set has, keys or not (a test checks that all are keys).
    static var propertyCount: Int { Mirror(reflecting: Self()).children.count }
}

/// The key set of a command that takes no keys.
public struct NoKeys: KeySet {
    /// No keys.
    public init() {}
}
