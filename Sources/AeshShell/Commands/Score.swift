import AutoencoderKit

/// The keys of `score`.
struct ScoreKeys: KeySet {
    let to = OptionalKey.path("to", "write the scores to this CSV file", hint: "FILE.csv", absent: "the output")
    let badRows = Key.choice("bad-rows", "what a malformed row does", default: "stop", from: ["stop", "skip"])
}

extension CommandSpec {
    /// `score INPUT [to=OUTPUT]`: a CSV of any size streamed through the session's model.
    static let score = CommandSpec(
        name: "score",
        summary: "stream a CSV through the model, in constant memory",
        operands: "INPUT",
        details: """
        Reads INPUT in one pass, whatever its size, and writes `row,error,predicted` for every
        row, then `label` when INPUT has the model's label column and `id` when the model was
        trained with `load … id=`: the numbers `load`, `errors on=all` and `export` give, bit for
        bit, without loading the file. Columns are found by name as `load` finds them. With
        `to=` the scores go to a file, written whole; without it, to the output. A malformed row
        stops the run with its line number (the rows before it are written); `bad-rows=skip`
        reports each and goes on. The loaded data, scores and threshold stay as they were.
        The same as `aesh score MODEL INPUT` outside the shell.
        """,
        example: "score data/new-readings.csv to=out/new-scores.csv",
        positionals: 1...1,
        keys: ScoreKeys.self,
        positionalCompletion: .files
    ) { arguments, session, context in
        guard let input = arguments.positional(0), !input.isEmpty else { throw ShellError("usage: score INPUT [to=OUTPUT]") }
        let model = try session.requireModel()
        let target = try arguments.value(\.to)
        let output = try target.map { typed -> String in
            let path = context.paths.resolve(typed)
            // Onto its own input `ScoreRun` says so; onto the loaded data file it is refused here.
            if !AtomicFile.sameFile(path, context.paths.resolve(input)) {
                try context.refuseInputFile(path, shownAs: typed, session: session)
            }
            return path
        }
        let skip = try arguments.value(\.badRows) == "skip"
        let console = context.console
        // Without to=, each block of lines goes to the output as it is scored: nothing is held.
        let summary = try ScoreRun.run(model: model, input: .path(context.paths.resolve(input)), output: output,
                                       skipBadRows: skip, shouldStop: InterruptFlag.watch(), stream: { console.write(String(decoding: $0, as: UTF8.self)) },
                                       report: { console.writeError($0 + "\n") })
        context.record(.fileRead(path: context.paths.resolve(input)))
        if let output {
            context.record(.fileWritten(path: output))
            console.line("scored \(Format.counted(summary.scoredRows, "row")) of \(input) to \(target ?? output)")
        }
    }
}
