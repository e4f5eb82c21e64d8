/// The shape of an autoencoder: hidden layer sizes and their activations (input and output sizes
/// come from the data).
public struct Architecture: Equatable, Sendable {
    /// Hidden layer sizes, input side first.
    public var hidden: [Int]
    /// Activation of the hidden layers.
    public var activation: Activation
    /// Activation of the output layer.
    public var output: Activation

    /// An architecture from its parts.
    public init(hidden: [Int], activation: Activation, output: Activation) {
        self.hidden = hidden
        self.activation = activation
        self.output = output
    }

    /// The architecture of `network`: its hidden sizes, its first dense layer's activation as the
    /// hidden one and its last dense layer's as the output.
    public init(of network: Autoencoder) {
        let dense = network.layers.compactMap(\.dense)
        self.init(hidden: network.hiddenSizes, activation: dense.first?.activation ?? .relu,
                  output: dense.last?.activation ?? .sigmoid)
    }
}
