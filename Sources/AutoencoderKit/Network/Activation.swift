/// The non-linearity applied after a dense layer's affine map.
public enum Activation: String, Codable, CaseIterable, Sendable {
    case relu, sigmoid, tanh, linear
}
