/// Where each layer's weights and bias sit in one flat parameter vector, so that the optimiser,
/// the gradients and the saved best weights are each a single contiguous buffer.
struct ParameterLayout {
    /// One layer's shape and offsets. Weights come first (inputs × outputs), then the bias.
    struct Layer {
        let inputs: Int
        let outputs: Int
        let activation: Activation
        let weightOffset: Int
        var biasOffset: Int { weightOffset + inputs * outputs }
    }

    let layers: [Layer]
    /// Total parameters of all layers.
    let count: Int

    /// The layout of a model that passed `validate()`.
    init(_ model: Autoencoder) {
        var offset = 0
        layers = model.layers.map { layer in
            defer { offset += layer.inputs * layer.outputs + layer.outputs }
            return Layer(inputs: layer.inputs, outputs: layer.outputs, activation: layer.activation, weightOffset: offset)
        }
        count = offset
    }

    /// Copies the model's weights and biases into `target` (count values).
    func pack(_ model: Autoencoder, into target: UnsafeMutablePointer<Float>) {
        for (layer, place) in zip(model.layers, layers) {
            // min(): an unvalidated model must not write past its slot.
            layer.weights.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                (target + place.weightOffset).update(from: base, count: min(source.count, place.inputs * place.outputs))
            }
            layer.bias.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                (target + place.biasOffset).update(from: base, count: min(source.count, place.outputs))
            }
        }
    }

    /// The model whose weights and biases are the values in `source`.
    func unpack(_ source: UnsafePointer<Float>) -> Autoencoder {
        Autoencoder(layers: layers.map { place in
            DenseLayer(
                inputs: place.inputs, outputs: place.outputs,
                weights: Array(UnsafeBufferPointer(start: source + place.weightOffset, count: place.inputs * place.outputs)),
                bias: Array(UnsafeBufferPointer(start: source + place.biasOffset, count: place.outputs)),
                activation: place.activation)
        })
    }
}
