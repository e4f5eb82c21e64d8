/// One layer of a network, of one of the kinds aesh knows.
///
/// An enum rather than `any Layer`, so that the network stays `Equatable` and `Codable`, its
/// kernels are chosen with a `switch` rather than dynamic dispatch, and code that must treat
/// every kind (the model file, ONNX export) fails to compile until it handles a new one.
public enum NetworkLayer: Equatable, Sendable {
    case dense(DenseLayer)

    /// The layer as its protocol.
    public var layer: any Layer {
        switch self {
        case .dense(let layer): return layer
        }
    }

    /// Its kind, as the model file records it.
    public var kind: LayerKind {
        switch self {
        case .dense: return DenseLayer.kind
        }
    }

    /// Width of the layer's input.
    public var inputs: Int { layer.inputs }
    /// Width of the layer's output.
    public var outputs: Int { layer.outputs }
    /// Number of trainable parameters.
    public var parameterCount: Int { layer.parameterCount }

    /// The dense layer, when it is one; settable, for code that edits a network's weights.
    public var dense: DenseLayer? {
        get {
            guard case .dense(let layer) = self else { return nil }
            return layer
        }
        set {
            if let newValue { self = .dense(newValue) }
        }
    }

    /// The layer with its parameters read from `source` (see `Layer.withParameters`).
    func withParameters(from source: UnsafePointer<Float>) -> NetworkLayer {
        switch self {
        case .dense(let layer): return .dense(layer.withParameters(from: source))
        }
    }
}

extension NetworkLayer: Codable {
    private enum CodingKeys: String, CodingKey { case kind }

    /// The version of the model file being read, when a decoder reads one (see `ModelFile`).
    static let fileVersionKey = CodingUserInfoKey(rawValue: "aesh.modelFileVersion")!

    /// A layer object: its kind's fields plus `"kind"`. Version-1 model files name no kind, and
    /// all their layers are dense; from version 2 the kind is required.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = decoder.userInfo[Self.fileVersionKey] as? Int ?? 2
        let kind: LayerKind
        if version < 2, !container.contains(.kind) {
            kind = .dense
        } else {
            kind = try container.decode(LayerKind.self, forKey: .kind)
        }
        switch kind {
        case .dense: self = .dense(try DenseLayer(from: decoder))
        }
    }

    /// Writes the kind's fields and `"kind"` into one object.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .dense(let layer): try layer.encode(to: encoder)
        }
    }
}
