extension CommandSpec {
    /// `run FILE.aesh`: replay a script inside the session.
    static let run = CommandSpec(
        name: "run",
        summary: "replay a .aesh script inside this session",
        operands: "FILE.aesh",
        details: """
        Runs each command of the script in this session, as if typed. If one fails, the run stops
        with FILE:LINE and the session is left as it was before `run`: a script applies whole or
        not at all. A script may run others, but not itself.
        """,
        example: "run scripts/seed.aesh",
        positionals: 1...1,
        positionalCompletion: .files
    ) { arguments, session, context in
        guard let path = arguments.positional(0), !path.isEmpty else { throw ShellError("usage: run FILE.aesh") }
        try context.replay(script: context.paths.resolve(path), on: &session)
    }
}
