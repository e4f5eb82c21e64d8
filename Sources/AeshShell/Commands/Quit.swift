extension CommandSpec {
    /// `quit`: leave aesh.
    static let quit = CommandSpec(
        name: "quit",
        summary: "leave aesh",
        details: """
        Ends the session (Ctrl-D at the prompt does the same). The prompt's history is kept for next
        time. At the prompt, when a model was trained since the last `save`, it asks once whether to
        leave anyway (y leaves, anything else stays); scripts and piped input never ask.
        """,
        example: "quit"
    ) { _, _, context in
        context.requestQuit()
    }
}
