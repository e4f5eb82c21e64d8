extension CommandSpec {
    /// `set KEY VALUE`: change a session setting.
    static let set = CommandSpec(
        name: "set",
        summary: "change a session setting (seed, out, top, precision, plot)",
        usage: "set KEY VALUE",
        details: """
        seed       the seed used by generate, split and train when they are given none (default 42)
        out        the folder for script-mode plots (default out)
        top        how many rows `errors` lists (default 10)
        precision  digits after the decimal point in printed numbers (default 4)
        plot       where plots go at the prompt: auto (a window if there is a display, else
                   text in the terminal), text, window or sixel (default auto)
        """,
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
