import AutoencoderKit
/// Session settings changed with `set KEY VALUE` and listed by `show`.
public struct Settings: Equatable, Sendable {
    /// The seed used by commands given no `seed=`.
    public var seed: UInt64 = 42
    /// The folder where script-mode plots and relative outputs go.
    public var outputFolder: String = "out"
    /// How many rows `errors` lists by default.
    public var top: Int = 10
    /// Digits after the decimal point in printed numbers.
    public var precision: Int = 4
    /// Where `plot` draws at the prompt without `to=`: auto (a window with a display, else text), text, window or sixel.
    public var plot: String = "auto"

    /// The values `plot` may take.
    public static let plotModes = ["auto", "text", "window", "sixel"]

    /// The settings' names, for `set`, `show`, help and completion.
    public static let names = ["seed", "out", "top", "precision", "plot"]

    /// Each setting's name and current value, in a fixed order.
    public var listing: [(String, String)] {
        [("seed", String(seed)), ("out", outputFolder), ("top", String(top)), ("precision", String(precision)), ("plot", plot)]
    }

    /// Sets one setting from text; throws a message naming the setting and the allowed values.
    public mutating func set(_ name: String, to value: String) throws {
        switch name {
        case "seed":
            guard let parsed = UInt64(value) else {
                throw ShellError("seed must be a whole number from 0 to \(UInt64.max), got \"\(value)\"")
            }
            seed = parsed
        case "out":
            guard !value.isEmpty else { throw ShellError("out must name a folder") }
            outputFolder = value
        case "top":
            guard let parsed = Int(value), (0...100_000).contains(parsed) else {
                throw ShellError("top must be a whole number from 0 to 100000, got \"\(value)\"")
            }
            top = parsed
        case "precision":
            guard let parsed = Int(value), (1...12).contains(parsed) else {
                throw ShellError("precision must be a whole number from 1 to 12, got \"\(value)\"")
            }
            precision = parsed
        case "plot":
            guard Self.plotModes.contains(value) else {
                throw ShellError("plot must be \(Self.plotModes.joined(separator: ", ")), got \"\(value)\"")
            }
            plot = value
        default:
            throw ShellError("unknown setting \"\(name)\"\(Suggestion.hint(for: name, in: Self.names)); settings are \(Self.names.joined(separator: ", "))")
        }
    }
}
