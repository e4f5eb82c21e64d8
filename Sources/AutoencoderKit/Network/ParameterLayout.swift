/// Where each layer's parameters sit in one flat parameter vector, so that the optimiser, the
/// gradients and the saved best weights are each a single contiguous buffer. Each layer's slice
/// is laid out as its kind packs it (a dense layer: its weights, inputs × outputs, then its bias).
struct ParameterLayout {
    /// One layer's sizes and the start of its slice. Plain values: the batch loops read these
    /// for every layer of every batch, and must not touch reference counts to do it.
    struct Place {
        let inputs: Int
        let outputs: Int
        let offset: Int
    }

    let layers: [Place]
    /// The model's layers (their kinds and shapes; `unpack` refills their parameters).
    let templates: [NetworkLayer]
    /// Total parameters of all layers.
    let count: Int

    /// The layout of a model that passed `validate()`.
    init(_ model: Autoencoder) {
        var offset = 0
        layers = model.layers.map { layer in
            defer { offset += layer.parameterCount }
            return Place(inputs: layer.inputs, outputs: layer.outputs, offset: offset)
        }
        templates = model.layers
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
        Autoencoder(layers: zip(templates, layers).map { $0.withParameters(from: source + $1.offset) })
    }
}
