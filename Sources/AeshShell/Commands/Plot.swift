import AutoencoderKit
import Foundation

/// The keys of `plot`.
struct PlotKeys: KeySet {
    let to = OptionalKey.path("to", "write to a .png, .svg, .pdf or .txt file", hint: "FILE.png|.svg|.pdf|.txt",
                              absent: "a window or the terminal at the prompt, a PNG in the output folder in a script")
    let size = OptionalKey.text("size", "image size in pixels (characters for .txt)", hint: "WxH", absent: nil)
    let log = Key.flag("log", "log scale for the error axis of `plot errors`", default: false)
}

extension CommandSpec {
    /// `plot`: charts drawn by gnuplot.
    static let plot = CommandSpec(
        name: "plot",
        summary: "draw loss, errors, scores, roc, pr or tsne with gnuplot",
        operands: "loss|errors|scores|roc|pr|tsne",
        details: """
        loss     training and validation loss per epoch
        errors   histogram of the reconstruction errors, normal and anomaly rows overlaid, the threshold as a line
        scores   the error of every scored row, flagged rows and true anomalies marked
        roc, pr  the ROC and precision–recall curves with their AUC and the threshold's operating point;
                 roc also draws the curves of the session's other models that scored the same
                 rows with `errors`, and of the `baseline` detectors (dashed)
        tsne     the t-SNE embedding (needs `tsne`)
        to= writes a file whose extension picks the format; size= sets it (pixels, or characters
        for .txt). Without to=: at the prompt a window when there is a display, else text drawn in
        the terminal (`set plot sixel` for sixel images); in a script, a PNG in the output folder
        named after the script and the step, e.g. out/seed-10-errors.png. log=yes puts the
        histogram's error axis on a log scale.
        """,
        example: "plot errors to=out/errors.png",
        positionals: 1...1,
        keys: PlotKeys.self,
        positionalCompletion: .choices(["loss", "errors", "scores", "roc", "pr", "tsne"])
    ) { arguments, session, context in
        let kinds = ["loss", "errors", "scores", "roc", "pr", "tsne"]
        let kind = arguments.positional(0) ?? ""
        guard kinds.contains(kind) else {
            throw ShellError("unknown chart \"\(kind)\"\(Suggestion.hint(for: kind, in: kinds)); charts are \(kinds.joined(separator: ", "))")
        }
        let logX = try arguments.value(\.log)
        if logX && kind != "errors" { throw ShellError("log=yes applies to `plot errors` only") }
        let subject = ChartSubject(session: session)
        let chart: Chart
        switch kind {
        case "loss":
            guard let history = session.model?.history, !history.isEmpty else { throw ShellError("no training history: run `train` first") }
            chart = try TrainingCharts.loss(history, subject: subject)
        case "errors":
            chart = try ErrorCharts.histogram(try session.requireScores(), subject: subject, logX: logX)
        case "scores":
            let data = try session.requireData()
            chart = ErrorCharts.scores(try session.requireScores(), sourceRows: data.sourceRows, subject: subject)
        case "roc":
            chart = try session.rocChart(subject: subject)
        case "pr":
            let scores = try session.requireScores()
            guard let labels = scores.labels else { throw ShellError("\(kind) curves need labels: load the data with label=COLUMN") }
            chart = try CurveCharts.precisionRecall(scores, labels: labels, subject: subject)
        default:
            guard let embedding = session.embedding else { throw ShellError("no t-SNE embedding yet: run `tsne` first") }
            chart = TSNEChart.embedding(embedding, scores: session.scores, threshold: session.threshold, subject: subject)
        }
        let environment = context.environment
        // A map of the latent codes is named after the epochs trained, as seed 000's tsne_<epochs>.png.
        let fileKind = kind == "tsne" ? session.embedding?.epochs.map { "tsne_\($0)" } ?? kind : kind
        let destination = try PlotDestination.choose(to: try arguments.value(\.to), size: try arguments.value(\.size), kind: fileKind,
                                                     context: context, settings: session.settings, environment: environment)
        if case .file(let path, _) = destination {
            try context.refuseInputFile(path, shownAs: try arguments.value(\.to) ?? path, session: session)
        }
        let message = try ChartRenderer.render(chart, to: destination, console: context.console, environment: environment)
        context.record(.figure(kind: kind, gnuplot: chart.script()))
        if case .file(let path, _) = destination {
            context.record(.chart(kind: kind, path: path, format: URL(fileURLWithPath: path).pathExtension.lowercased()))
        }
        context.console.write(message.hasSuffix("\n") ? message : message + "\n")
    }
}
