extension CommandSpec {
    /// `quit`: leave aesh.
    static let quit = CommandSpec(
        name: "quit",
        summary: "leave aesh",
        details: "Ends the session (Ctrl-D at the prompt does the same). The prompt's history is kept for next time.",
        example: "quit"
    ) { _, _, context in
        context.requestQuit()
    }
}
