import AutoencoderKit

/// The keys of `model`.
struct ModelKeys: KeySet {
    let activation = Key<Activation>.choice("activation", "hidden activation", default: .relu)
    let output = Key<Activation>.choice("output", "output activation", default: .sigmoid)
}

extension CommandSpec {
    /// `model`: the hidden layers and activations.
    static let model = CommandSpec(
        name: "model",
        summary: "choose the hidden layers, e.g. `model 6` or `model 32,8,32`",
        operands: "SIZES",
        details: """
        Sets the autoencoder's hidden layer sizes, input side first; the input and output layers
        take their size from the data. The narrowest hidden layer is the bottleneck whose codes
        t-SNE draws. activation= is used by the hidden layers (default relu), output= by the
        reconstruction (default sigmoid, as in the seed; linear suits unbounded scaled data).
        The network is built, with fresh weights, by `train`.
        """,
        example: "model 6 activation=relu output=sigmoid",
        positionals: 1...1,
        keys: ModelKeys.self
    ) { arguments, session, context in
        let text = arguments.positional(0) ?? ""
        var hidden: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            hidden.append(try Arguments.parseInteger(String(part), key: "layer size", in: 1...100_000))
        }
        guard !hidden.isEmpty, hidden.count <= 32 else { throw ShellError("give 1 to 32 hidden layer sizes, e.g. 6 or 32,8,32") }
        let activation = try arguments.value(\.activation)
        let output = try arguments.value(\.output)
        session.architecture = Architecture(hidden: hidden, activation: activation, output: output)
        let inputs = session.data.map { String($0.columnCount) } ?? "inputs"
        let layout = ([inputs] + hidden.map(String.init) + [inputs]).joined(separator: " → ")
        context.console.line("model \(layout) (\(activation.rawValue) hidden, \(output.rawValue) output); `train` builds it")
        if let trained = session.model {
            let widths = (trained.networks.count > 1 ? "a seed ensemble of \(trained.networks.count) × " : "") + trained.widths.map(String.init).joined(separator: " → ")
            context.console.line("note: until you `train`, errors, threshold and evaluate still use the current model (\(widths))")
        }
    }
}
