extension CommandSpec {
    /// `reset`: clear the session's state, keeping its settings.
    static let reset = CommandSpec(
        name: "reset",
        summary: "clear the session (data, model, results); settings stay",
        usage: "reset",
        details: """
        Forgets the data, the split, the scaling, the model, the scores, the threshold and the
        t-SNE embedding, as if aesh had just started; settings made with `set` stay, and so does
        the history of commands.
        """,
        example: "reset"
    ) { _, session, context in
        var fresh = Session()
        fresh.settings = session.settings
        fresh.history = session.history
        fresh.historySettings = session.historySettings
        fresh.parameters = session.parameters
        session = fresh
        context.console.line("cleared the data, the model and every result; settings stay")
    }
}
