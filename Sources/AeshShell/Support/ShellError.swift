/// A command could not run: bad arguments, the wrong order, or a failure it explains.
public struct ShellError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The message shown to the person, naming what and where.
    public var message: String
    /// A message.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
