/// One fully connected layer: y = act(x · W + b). weights: inputs × outputs row-major.
public struct DenseLayer: Layer, Codable, Equatable {
    public static let kind = LayerKind.dense

    /// Width of the layer's input.
    public var inputs: Int
    /// Width of the layer's output.
    public var outputs: Int
    /// `inputs × outputs` row-major: `weights[i * outputs + j]` joins input `i` to output `j`.
    public var weights: [Float]
    /// One bias per output.
    public var bias: [Float]
    /// The non-linearity after the affine map.
    public var activation: Activation

    /// A layer from its parts; `validate()` on the model checks that the counts agree.
    public init(inputs: Int, outputs: Int, weights: [Float], bias: [Float], activation: Activation) {
        self.inputs = inputs
        self.outputs = outputs
        self.weights = weights
        self.bias = bias
        self.activation = activation
    }

    /// Weights and biases.
    public var parameterCount: Int { weights.count + bias.count }

    /// inputs · outputs.
    public var multiplyAddsPerRow: Int { inputs.multipliedReportingOverflow(by: outputs).partialValue }

    /// Whether the weight and bias counts match the sizes.
    public var hasConsistentParameters: Bool {
        let expected = inputs.multipliedReportingOverflow(by: outputs)
        return !expected.overflow && weights.count == expected.partialValue && bias.count == outputs
    }

    /// Throws naming the layer (`name`, e.g. "layer 1 of 2") when a count is wrong or a value is not finite.
    public func validateParameters(name: String) throws {
        let expected = inputs.multipliedReportingOverflow(by: outputs)
        guard !expected.overflow, weights.count == expected.partialValue else {
            throw ModelError(description: "\(name) (\(inputs) → \(outputs)) has \(weights.count) weights; expected \(inputs) × \(outputs)")
        }
        guard bias.count == outputs else {
            throw ModelError(description: "\(name) has \(bias.count) biases; expected \(outputs)")
        }
        if let bad = weights.firstIndex(where: { !$0.isFinite }) {
            throw ModelError(description: "\(name) has a non-finite weight (\(weights[bad])) at input \(bad / outputs + 1), output \(bad % outputs + 1)")
        }
        if let bad = bias.firstIndex(where: { !$0.isFinite }) {
            throw ModelError(description: "\(name) has a non-finite bias (\(bias[bad])) at output \(bad + 1)")
        }
    }

    /// Writes the weights, then the biases, to `target` (at most `parameterCount` values, and
    /// never more than the sizes call for).
    public func packParameters(into target: UnsafeMutablePointer<Float>) {
        let weightCount = inputs * outputs
        weights.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            target.update(from: base, count: min(source.count, weightCount))
        }
        bias.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            (target + weightCount).update(from: base, count: min(source.count, outputs))
        }
    }

    /// The layer with its weights and biases read from `source`, in `packParameters` order.
    public func withParameters(from source: UnsafePointer<Float>) -> DenseLayer {
        let weightCount = inputs * outputs
        return DenseLayer(inputs: inputs, outputs: outputs,
                          weights: Array(UnsafeBufferPointer(start: source, count: weightCount)),
                          bias: Array(UnsafeBufferPointer(start: source + weightCount, count: outputs)),
                          activation: activation)
    }
}
