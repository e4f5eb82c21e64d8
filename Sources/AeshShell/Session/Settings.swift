import AutoencoderKit

/// The settings' declarations: each one's kind, range or choices, default and summary, from which
/// `set`'s checks and help, `show` and completion are derived.
public struct SettingKeys: KeySet {
    public let seed = Key.seed("seed", "the seed used by generate, split and train when they are given none", default: 42)
    public let out = Key.path("out", "the folder for script-mode plots", default: "out", what: "a folder")
    public let top = Key.integer("top", "how many rows `errors` lists", default: 10, in: 0...100_000)
    public let precision = Key.integer("precision", "digits after the decimal point in every printed number (auto: 4 for metrics and statistics, 6 for errors, losses and thresholds)",
                                       orWord: "auto", in: 1...12)
    public let runlog = Key.choice("runlog", "whether train and evaluate append to aesh-runs.sqlite in the working folder",
                                   default: "on", from: ["on", "off"])
    public let plot = Key.choice("plot", "where plots go at the prompt (auto: a window if there is a display, else text in the terminal)",
                                 default: "auto", from: ["auto", "text", "window", "sixel"])
    /// The declared defaults.
    public init() {}
}

/// Session settings changed with `set KEY VALUE` and listed by `show`.
public struct Settings: Equatable, Sendable {
    /// The declarations.
    public static let keys = SettingKeys()

    /// The seed used by commands given no `seed=`.
    public var seed: UInt64 = keys.seed.fallback
    /// The folder where script-mode plots and relative outputs go.
    public var outputFolder: String = keys.out.fallback
    /// How many rows `errors` lists by default.
    public var top: Int = keys.top.fallback
    /// Digits after the decimal point in every printed number; nil (auto) gives metrics 4 and
    /// errors 6.
    public var precisionSetting: Int? = keys.precision.fallback
    /// Digits for metrics and statistics (accuracy, F1, AUC, describe's columns).
    public var precision: Int { precisionSetting ?? 4 }
    /// Digits for reconstruction errors, losses and thresholds, which are small and close together.
    public var errorDigits: Int { precisionSetting ?? 6 }
    /// Where `plot` draws at the prompt without `to=`: auto (a window with a display, else text), text, window or sixel.
    public var plot: String = keys.plot.fallback

    /// Whether `train` and `evaluate` append to the run log: on or off.
    public var runLog: String = keys.runlog.fallback

    /// Each setting's declaration with how to read and write it, in the order `show` lists them.
    static let all: [Setting] = [
        Setting(keys.seed, \.seed),
        Setting(keys.out, \.outputFolder),
        Setting(keys.top, \.top),
        Setting(keys.precision, \.precisionSetting),
        Setting(keys.plot, \.plot),
        Setting(keys.runlog, \.runLog),
    ]

    /// The settings' names, for `set`, `show`, help and completion.
    public static var names: [String] { all.map(\.spec.name) }

    /// The declaration of the setting called `name`.
    public static func declaration(_ name: String) -> KeySpec? {
        all.first { $0.spec.name == name }?.spec
    }

    /// Each setting's name and current value, in a fixed order.
    public var listing: [(String, String)] {
        Self.all.map { ($0.spec.name, $0.read(self)) }
    }

    /// Sets one setting from text; throws a message naming the setting and the allowed values.
    public mutating func set(_ name: String, to value: String) throws {
        guard let setting = Self.all.first(where: { $0.spec.name == name }) else {
            throw ShellError("unknown setting \"\(name)\"\(Suggestion.hint(for: name, in: Self.names)); settings are \(Self.names.joined(separator: ", "))")
        }
        try setting.write(&self, value)
    }
}

/// One setting: its declaration, and how its value is read from and written to `Settings`.
struct Setting: Sendable {
    let spec: KeySpec
    let read: @Sendable (Settings) -> String
    let write: @Sendable (inout Settings, String) throws -> Void

    init<Value: Sendable>(_ key: Key<Value>, _ field: WritableKeyPath<Settings, Value> & Sendable) {
        spec = key.spec
        read = { "\($0[keyPath: field])" }
        write = { settings, text in settings[keyPath: field] = try key.parse(text) }
    }

    /// A setting that is a whole number or a word (`auto`) for nil.
    init(_ key: Key<Int?>, _ field: WritableKeyPath<Settings, Int?> & Sendable) {
        spec = key.spec
        let word = key.spec.defaultValue ?? "auto"
        read = { $0[keyPath: field].map(String.init) ?? word }
        write = { settings, text in settings[keyPath: field] = try key.parse(text) }
    }
}
