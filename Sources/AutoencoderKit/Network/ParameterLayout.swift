/// Where each layer's parameters sit in one flat parameter vector, so that the optimiser, the
/// gradients and the saved best weights are each a single contiguous buffer. Each layer's slice
/// is laid out as its kind packs it (a dense layer: its weights, inputs × outputs, then its bias).
struct ParameterLayout {
    /// One layer and the start of its slice.
    struct Place {
        /// The layer as the model had it (its sizes and kind; its parameters live in the vector).
        let layer: NetworkLayer
        let offset: Int
        var inputs: Int { layer.inputs }
        var outputs: Int { layer.outputs }
    }

    let layers: [Place]
    /// Total parameters of all layers.
    let count: Int

    /// The layout of a model that passed `validate()`.
    init(_ model: Autoencoder) {
        var offset = 0
        layers = model.layers.map { layer in
            defer { offset += layer.layer.parameterCount }
            return Place(layer: layer, offset: offset)
        }
        count = offset
    }

    /// Copies the model's parameters into `target` (count values).
    func pack(_ model: Autoencoder, into target: UnsafeMutablePointer<Float>) {
        for (layer, place) in zip(model.layers, layers) {
            layer.layer.packParameters(into: target + place.offset)
        }
    }

    /// The model whose parameters are the values in `source`.
    func unpack(_ source: UnsafePointer<Float>) -> Autoencoder {
        Autoencoder(layers: layers.map { $0.layer.withParameters(from: source + $0.offset) })
    }
}
