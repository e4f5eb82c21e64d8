import Foundation
extension CommandSpec {
    /// `set KEY VALUE`: change a session setting.
    static let set = CommandSpec(
        name: "set",
        summary: "change a session setting (\(Settings.names.joined(separator: ", ")))",
        operands: "KEY VALUE",
        details: Settings.all.map { setting in
            setting.spec.name.padding(toLength: 11, withPad: " ", startingAt: 0) + setting.spec.description
        }.joined(separator: "\n"),
        example: "set seed 7",
        positionals: 2...2,
        positionalCompletion: .settings
    ) { arguments, session, context in
        guard let key = arguments.positional(0), let value = arguments.positional(1) else {
            throw ShellError("usage: set KEY VALUE")
        }
        try session.settings.set(key, to: value)
        context.console.line("\(key) = \(value)")
    }
}
