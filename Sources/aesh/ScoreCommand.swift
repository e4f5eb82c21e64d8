import AeshShell
import ArgumentParser
import AutoencoderKit

/// `aesh score MODEL [INPUT|-]`: a Unix filter that scores CSV rows with a saved model.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aesh score",
        abstract: "Score CSV rows with a saved model, in one pass and constant memory.",
        discussion: """
        Writes `row,error,predicted` for every row of INPUT, then `label` when INPUT has the \
        model's label column and `id` when the model was trained with `load … id=`: the numbers \
        `open`, `load`, `errors on=all` and `export` give, bit for bit. Columns are found by name. \
        When INPUT is a pipe or a terminal, each row's line is written as soon as the row's line \
        arrives (`tail -f readings.csv | aesh score m.aemodel -`). A malformed row stops the run \
        with its line number and exit status 1, every earlier row written; --bad-rows=skip \
        reports each on standard error and goes on.
        """)

    /// What a malformed row does.
    enum BadRows: String, ExpressibleByArgument, CaseIterable {
        case stop, skip
    }

    @Argument(help: "The model file (.aemodel) that `save` wrote.")
    var model: String

    @Argument(help: "The CSV to score; - or nothing for standard input.")
    var input: String = "-"

    @Option(name: .long, help: ArgumentHelp("Write the scores to this file (whole, or up to a row that stops the run) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("bad-rows"), help: "stop: a malformed row ends the run (exit status 1); skip: report it and go on.")
    var badRows: BadRows = .stop

    func run() throws {
        let console = StandardConsole()
        do {
            let model = try AnomalyModel.read(path: self.model)
            _ = try ScoreRun.run(model: model, input: input == "-" ? .standardInput : .path(input), output: output,
                                 skipBadRows: badRows == .skip, stream: { console.write(bytes: $0) },
                                 report: { console.writeError("aesh score: \($0)\n") })
        } catch {
            console.writeError("aesh score: \(error)\n")
            throw ExitCode(1)
        }
    }
}
