/// An autoencoder: the layers from input to reconstruction.
public struct Autoencoder: Codable, Equatable, Sendable {
    /// The layers in order; the last one reconstructs the input.
    public var layers: [NetworkLayer]

    /// hidden: the hidden layer sizes, e.g. [6] or [32, 8, 32]; the output layer (size inputSize, activation `output`) is added.
    /// Glorot-uniform weights (limit sqrt(6/(in+out))) from the generator, zero biases (as Keras).
    ///
    /// Sizes below 1 are kept as 0-wide layers with no weights, which `validate()` rejects.
    public init(inputSize: Int, hidden: [Int], activation: Activation, output: Activation, generator: inout SeededGenerator) {
        let widths = ([inputSize] + hidden + [inputSize]).map { max($0, 0) }
        layers = (0..<(widths.count - 1)).map { l in
            let (inputs, outputs) = (widths[l], widths[l + 1])
            let limit = (6.0 / Double(max(inputs + outputs, 1))).squareRoot()
            let weights = (0..<(inputs * outputs)).map { _ in Float(generator.nextUniform(in: -limit, limit)) }
            return .dense(DenseLayer(inputs: inputs, outputs: outputs, weights: weights,
                                     bias: [Float](repeating: 0, count: outputs),
                                     activation: l == widths.count - 2 ? output : activation))
        }
    }

    /// A model from existing layers (the caller validates).
    public init(layers: [NetworkLayer]) {
        self.layers = layers
    }

    /// A model of dense layers (the caller validates).
    public init(layers: [DenseLayer]) {
        self.layers = layers.map(NetworkLayer.dense)
    }

    /// Width of the input, and of the reconstruction.
    public var inputSize: Int { layers.first?.inputs ?? 0 }

    /// The widths of the hidden layers (all layers but the output layer).
    public var hiddenSizes: [Int] { layers.dropLast().map(\.outputs) }

    /// Index of the layer whose output is the latent code: the narrowest hidden layer (the first of equals).
    ///
    /// A model without hidden layers has only its output layer to offer.
    public var bottleneckLayerIndex: Int {
        let hidden = hiddenSizes
        guard let narrowest = hidden.min(), let index = hidden.firstIndex(of: narrowest) else {
            return max(layers.count - 1, 0)
        }
        return index
    }

    /// Width of the latent code.
    public var latentSize: Int { layers.isEmpty ? 0 : layers[bottleneckLayerIndex].outputs }

    /// Number of weights and biases.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// Multiply-adds of one row's forward pass (wrapping on overflow: only compared with thresholds).
    var multiplyAddsPerRow: Int { layers.reduce(0) { $0 &+ $1.layer.multiplyAddsPerRow } }

    /// The reconstruction of every row. input.columns == inputSize (caller's contract).
    public func reconstruct(_ input: Matrix) -> Matrix {
        activations(of: input, through: layers.count - 1)
    }

    /// The bottleneck activations (the latent code) of every row. input.columns == inputSize.
    public func encode(_ input: Matrix) -> Matrix {
        activations(of: input, through: bottleneckLayerIndex)
    }

    private func activations(of input: Matrix, through lastLayer: Int) -> Matrix {
        let width = layers.isEmpty ? 0 : layers[lastLayer].outputs
        var result = Matrix(rows: input.rows, columns: width)
        result.values.withUnsafeMutableBufferPointer { target in
            guard let base = target.baseAddress else { return }
            forEachChunk(of: input, through: lastLayer) { first, rows, pass in
                pass.copyRows(ofActivation: lastLayer + 1, rows: rows, into: base + first * width)
            }
        }
        return result
    }

    /// Throws a description of what is wrong (layer sizes that do not chain, wrong weight counts, non-finite weights).
    public func validate() throws {
        guard let first = layers.first, let last = layers.last else {
            throw ModelError(description: "the model has no layers")
        }
        for (index, layer) in layers.enumerated() {
            let name = "layer \(index + 1) of \(layers.count)"
            guard layer.inputs > 0, layer.outputs > 0 else {
                throw ModelError(description: "\(name) is \(layer.inputs) → \(layer.outputs); sizes must be at least 1")
            }
            if index > 0, layers[index - 1].outputs != layer.inputs {
                throw ModelError(description: "\(name) takes \(layer.inputs) inputs but layer \(index) gives \(layers[index - 1].outputs)")
            }
            try layer.layer.validateParameters(name: name)
        }
        guard last.outputs == first.inputs else {
            throw ModelError(description: "the output layer gives \(last.outputs) values but the input has \(first.inputs); an autoencoder reconstructs its input")
        }
    }
}

/// What is wrong with a model's layers, as found by `Autoencoder.validate()`.
public struct ModelError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A sentence naming the layer and the problem.
    public var description: String
}
