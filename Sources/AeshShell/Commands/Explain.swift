import AutoencoderKit
extension CommandSpec {
    /// `explain [STEP]`: what a step of the method does and why, for teaching.
    static let explain = CommandSpec(
        name: "explain",
        summary: "what a step of the method does and why (for teaching)",
        operands: "[STEP]",
        details: "Steps: \(Explanations.steps.map(\.name).joined(separator: ", ")). With no step, the whole method in brief. Once the session has data, a split, a model, scores, a threshold or an evaluation, the step's text ends with what it means for them, in their own numbers.",
        example: "explain threshold",
        positionals: 0...1,
        positionalCompletion: .choices(Explanations.steps.map(\.name))
    ) { arguments, session, context in
        let name = arguments.positional(0) ?? "method"
        guard let step = Explanations.steps.first(where: { $0.name == name }) else {
            let names = Explanations.steps.map(\.name)
            throw ShellError("no explanation for \"\(name)\"\(Suggestion.hint(for: name, in: names)); steps are \(names.joined(separator: ", "))")
        }
        context.console.line(step.text)
        // Then what the step means here, with this session's own numbers.
        if let numbers = ExplainNumbers.paragraph(for: name, session: session) {
            context.console.line()
            context.console.line(numbers)
        }
    }
}

/// The teaching texts behind `explain`.
enum Explanations {
    struct Step {
        let name: String
        let text: String
    }

    static let steps: [Step] = [
        Step(name: "method", text: """
        Anomaly detection with an autoencoder, in eight steps:
          1. load (or generate) a table of numbers; a label column, if any, says which rows are anomalies
          2. split it into a training and a test part
          3. scale the features, fitting the scaler on the training rows only
          4. choose a model: a narrow middle layer forces the network to compress
          5. train it to reproduce the normal training rows
          6. errors: anomalies, unlike anything seen in training, reconstruct badly
          7. threshold: rows with an error above it are called anomalies
          8. evaluate against the labels; plot and tsne show why
        `explain STEP` says more about each: \(["data", "split", "scale", "model", "train", "errors", "threshold", "evaluate", "baseline", "tsne"].joined(separator: ", ")).
        """),
        Step(name: "data", text: """
        Every row is one observation (a transaction, a sensor reading) and every column a number
        describing it. An autoencoder needs numbers only; a label column (0 normal, 1 anomaly) is
        not shown to the model: it only lets us measure how well the detector works. `describe`
        shows each column's range: columns on very different scales are why we scale.
        """),
        Step(name: "split", text: """
        We hold out a test part the model never sees while it learns, so that the errors we judge
        are honest. Stratifying keeps the share of anomalies the same in both parts. The model then
        learns only from the normal rows of the training part: it should learn what normal looks
        like, not what anomalies look like.
        """),
        Step(name: "scale", text: """
        Neural networks learn best when every feature has a similar range; otherwise the largest
        column dominates the loss. The scaler is fitted on the training rows only and then applied
        unchanged to the test rows, as it would be to new data: fitting it on all rows would leak
        information about the test part into training.
        """),
        Step(name: "model", text: """
        A dense autoencoder is an encoder that squeezes each row through a narrow bottleneck and a
        decoder that rebuilds the row from it. Because the bottleneck is narrower than the input,
        the network cannot simply copy: it must learn the structure that normal rows share. The
        codes in the bottleneck (the latent space) are what t-SNE draws.
        """),
        Step(name: "train", text: """
        Training shows the network mini-batches of normal rows and nudges every weight, with the
        Adam optimiser, to reduce the mean squared difference between each row and its
        reconstruction. One epoch is one pass over the training rows. A validation part held out
        from them shows whether the network is still learning general structure (both losses fall)
        or starting to memorise (the validation loss rises).
        """),
        Step(name: "errors", text: """
        The reconstruction error of a row is the mean squared difference between the row and the
        network's rebuilt version. The network learned to rebuild normal rows, so they come back
        with small errors; an anomaly follows patterns it never saw and comes back distorted.
        The features that contribute most to a row's error say where it is unusual.
        """),
        Step(name: "threshold", text: """
        A threshold turns errors into decisions: above it, a row is called an anomaly. The seed
        experiment takes the 92nd percentile of the test errors, i.e. it expects about 8% of the
        rows to be anomalous. Alternatives: a fixed value, mean + k standard deviations of the
        training errors (needs no labels and no test data), or the cut with the best F1 (which
        looks at the labels, so it flatters the result).
        """),
        Step(name: "evaluate", text: """
        Against the labels: precision is the share of flagged rows that are anomalies, recall the
        share of anomalies that were flagged, F1 balances the two. Accuracy alone misleads when
        anomalies are rare (calling everything normal is 91% accurate on the seed data). ROC AUC and
        PR AUC judge the errors at every possible threshold: how well they rank anomalies first.
        """),
        Step(name: "baseline", text: """
        An autoencoder is worth its training only if it ranks anomalies better than the simple
        detectors one would try first. PCA reconstruction keeps the few directions that explain
        most of the normal rows' variance and scores a row by what those directions cannot rebuild:
        the best a linear autoencoder could do. An Isolation Forest splits the rows at random
        values of random features; an anomaly, unlike the crowd, is cut off after few splits.
        `baseline` scores the test rows with both, beside the autoencoder's ROC AUC and AP; when a
        baseline is ahead, it is the better tool for these data as things stand.
        """),
        Step(name: "tsne", text: """
        t-SNE draws high-dimensional points in 2-D so that near neighbours stay near. Drawn from
        the bottleneck codes, normal rows should form one cloud and anomalies fall apart from it:
        a picture of what the encoder learned. Distances between far-apart clusters in a t-SNE
        picture mean little; neighbourhoods mean a lot.
        """),
    ]
}
