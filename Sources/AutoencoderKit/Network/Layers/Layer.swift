/// What every kind of layer provides to the network: its sizes, its parameters (packed into the
/// network's one flat parameter vector for training) and their checks.
///
/// A new kind (dropout, batch normalisation, …) conforms to this, gets a case in `NetworkLayer`
/// (so that model files and exporters name it and must handle it) and a kernel in `LayerKernel`
/// for its arithmetic.
public protocol Layer: Sendable {
    /// The name the model file records for this kind of layer.
    static var kind: LayerKind { get }
    /// Width of the layer's input.
    var inputs: Int { get }
    /// Width of the layer's output.
    var outputs: Int { get }
    /// Number of trainable parameters (0 for a layer without any).
    var parameterCount: Int { get }
    /// Multiply-adds per row of a forward pass, to decide when work is worth a second thread.
    var multiplyAddsPerRow: Int { get }
    /// Whether the parameter counts match the sizes: the kernels trust them with raw pointers.
    var hasConsistentParameters: Bool { get }
    /// Throws a `ModelError` naming the layer (`name`, e.g. "layer 1 of 2") when a parameter
    /// count is wrong or a value is not finite.
    func validateParameters(name: String) throws
    /// Writes the parameters to `target`, `parameterCount` values.
    func packParameters(into target: UnsafeMutablePointer<Float>)
    /// The layer with its parameters read from `source`, in `packParameters` order.
    func withParameters(from source: UnsafePointer<Float>) -> Self
}

/// The kinds of layer aesh knows, by the name the model file records.
public enum LayerKind: String, Codable, CaseIterable, Sendable {
    /// A fully connected layer with an activation (`DenseLayer`).
    case dense
}

/// Whether a forward pass is part of training or is inference (scoring, encoding, validation
/// loss). Dense layers compute the same either way; layers such as dropout will not.
public enum LayerMode: Sendable {
    case training, inference
}
