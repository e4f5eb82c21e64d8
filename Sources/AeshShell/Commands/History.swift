import AutoencoderKit

private let historyUsage = "history [save FILE.aesh]"

extension CommandSpec {
    /// `history [save FILE]`: the session so far as a replayable script.
    static let history = CommandSpec(
        name: "history",
        summary: "list the commands that succeeded, or save them as a script",
        usage: historyUsage,
        details: """
        The commands of this session that succeeded, in order: the notebook you have built so far.
        `history save FILE.aesh` writes them as a script that `aesh FILE.aesh` replays to the same
        numbers whatever its --seed and --out: it starts with `set` lines for the settings in force
        when the session began, and an interrupted `train` or `tsne` is saved as the run that gives
        what it kept (`train epochs=54 …` when Ctrl-C kept epoch 54's weights).
        """,
        example: "history save session.aesh",
        positionals: 0...2,
        positionalCompletion: .choices(["save"])
    ) { arguments, session, context in
        switch (arguments.positional(0), arguments.positional(1)) {
        case (nil, _):
            for (index, line) in session.history.enumerated() {
                let number = String(index + 1)
                context.console.line(String(repeating: " ", count: max(0, 4 - number.count)) + number + "  " + line)
            }
            if session.history.isEmpty { context.console.line("no commands yet") }
        case ("save", let path?) where !path.isEmpty:
            let text = "# aesh \(aeshVersion) session history\n" + savedScript(of: session).map { $0 + "\n" }.joined()
            let target = try context.outputPath(path, session: session)
            try AtomicFile.write(text, to: target)
            context.record(.fileWritten(path: target))
            context.console.line("saved \(session.history.count) commands to \(path)")
        default:
            throw ShellError("usage: \(historyUsage)")
        }
    }
}

/// The lines `history save` writes: a `set` line for each setting in force when the first command
/// ran (the seed and output folder may have come from --seed and --out, which the replay may not
/// share), then the commands as recorded.
func savedScript(of session: Session) -> [String] {
    let start = session.historySettings ?? session.settings
    let settings = start.listing.map { name, value in
        "set \(name) \(CommandLineText.quoted(value, positional: true))"
    }
    return settings + session.history
}
