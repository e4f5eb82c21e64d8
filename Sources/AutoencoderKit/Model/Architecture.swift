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

    /// The architecture of `network`: its hidden sizes, its first layer's activation as the
    /// hidden one and its last layer's as the output.
    public init(of network: Autoencoder) {
        self.init(hidden: network.hiddenSizes, activation: network.layers.first?.activation ?? .relu,
                  output: network.layers.last?.activation ?? .sigmoid)
    }
}
