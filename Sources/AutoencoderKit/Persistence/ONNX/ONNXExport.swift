import Foundation

/// A trained autoencoder as an ONNX graph (opset 13), for ONNX Runtime and other serving engines.
///
/// Input `input`: float32 `[N, d]`, raw (unscaled) features in the model's column order. The
/// scaler is folded in as `Sub` then `Mul` by the reciprocal scales, the same two float
/// operations aesh applies; each dense layer is a `Gemm` followed by its activation (`Relu`,
/// `Sigmoid`, `Tanh`; nothing for linear). A seed ensemble is one such subgraph per network (its
/// nodes and weights named `net1_…`, `net2_…`), their outputs summed (`Sum`) and divided by
/// their count (`Div`). Outputs:
/// - `reconstruction`: float32 `[N, d]`, in the scaled space (an ensemble's: the mean of its
///   networks' reconstructions);
/// - `error`: float64 `[N]`, each row's mean squared error over its features, computed in double
///   precision from the float32 values as aesh computes it (an ensemble's: the mean of its
///   networks' errors, as aesh's);
/// - `predicted`: bool `[N]`, `error > threshold` (the threshold is a float64 constant).
/// The model's columns, label, id column and threshold are also in the file's metadata
/// (`aesh.columns` as a JSON array, `aesh.label`, `aesh.id`, `aesh.threshold`, `aesh.scaling`;
/// empty label and id when there are none), so a scorer can find the input's columns by name.
public enum ONNXExport {
    /// The operator set the graph uses.
    public static let opset = 13
    /// The ONNX IR version that goes with opset 13.
    static let irVersion = 7

    /// The encoded model file. `layers` run from input to reconstruction; `scaler` (if any) has one
    /// offset and scale per column; `producerVersion` names the program, e.g. "0.1.0".
    public static func encode(columns: [String], labelName: String?, idName: String? = nil, scaler: FittedScaler?,
                              layers: [DenseLayer], threshold: Double, producerVersion: String) throws -> [UInt8] {
        try encode(columns: columns, labelName: labelName, idName: idName, scaler: scaler, networks: [layers],
                   threshold: threshold, producerVersion: producerVersion)
    }

    /// The encoded model file of a seed ensemble: `networks` each run from input to
    /// reconstruction; one network gives exactly the graph of `encode(…layers:…)`.
    public static func encode(columns: [String], labelName: String?, idName: String? = nil, scaler: FittedScaler?,
                              networks: [[DenseLayer]], threshold: Double, producerVersion: String) throws -> [UInt8] {
        let width = columns.count
        guard !networks.isEmpty else { throw ONNXExportError(message: "the model has no network") }
        for layers in networks { try check(columns: columns, scaler: scaler, layers: layers, threshold: threshold) }

        var nodes: [ONNX.Node] = []
        var initializers: [ONNX.Tensor] = []
        var scaled = "input"
        if let scaler, scaler.method != .none {
            initializers.append(ONNX.Tensor(name: "scaler_offsets", dimensions: [width], floats: scaler.offsets))
            // The reciprocal in Float, as FittedScaler.transform multiplies by it.
            initializers.append(ONNX.Tensor(name: "scaler_reciprocal_scales", dimensions: [width],
                                            floats: scaler.scales.map { 1 / $0 }))
            nodes.append(ONNX.Node(op: "Sub", inputs: ["input", "scaler_offsets"], outputs: ["centred"], name: "scale_centre"))
            nodes.append(ONNX.Node(op: "Mul", inputs: ["centred", "scaler_reciprocal_scales"], outputs: ["scaled"], name: "scale_divide"))
            scaled = "scaled"
        }

        let ensemble = networks.count > 1
        var reconstructions: [String] = [], errors: [String] = []
        for (member, layers) in networks.enumerated() {
            let prefix = ensemble ? "net\(member + 1)_" : ""
            var current = scaled
            for (index, layer) in layers.enumerated() {
                let number = index + 1, isLast = index == layers.count - 1
                let weights = "\(prefix)layer\(number)_weights", bias = "\(prefix)layer\(number)_bias"
                initializers.append(ONNX.Tensor(name: weights, dimensions: [layer.inputs, layer.outputs], floats: layer.weights))
                initializers.append(ONNX.Tensor(name: bias, dimensions: [layer.outputs], floats: layer.bias))
                let output = isLast ? "\(prefix)reconstruction" : "\(prefix)layer\(number)_output"
                let operatorName = activationOperator(layer.activation)
                let affine = operatorName == nil ? output : "\(prefix)layer\(number)_affine"
                // Gemm: affine = current · weights + bias, weights inputs × outputs as aesh stores them.
                nodes.append(ONNX.Node(op: "Gemm", inputs: [current, weights, bias], outputs: [affine], name: "\(prefix)layer\(number)_gemm"))
                if let operatorName {
                    nodes.append(ONNX.Node(op: operatorName, inputs: [affine], outputs: [output],
                                           name: "\(prefix)layer\(number)_\(layer.activation.rawValue)"))
                }
                current = output
            }
            // error = mean over features of (reconstruction − scaled)², in double like ReconstructionErrors.
            nodes += [
                ONNX.Node(op: "Cast", inputs: [current], outputs: ["\(prefix)reconstruction_double"], name: "\(prefix)error_cast_reconstruction",
                          attributes: [ONNX.Attribute(name: "to", value: .int(ONNX.ElementType.double.rawValue))]),
                ONNX.Node(op: "Cast", inputs: [scaled], outputs: ["\(prefix)scaled_double"], name: "\(prefix)error_cast_scaled",
                          attributes: [ONNX.Attribute(name: "to", value: .int(ONNX.ElementType.double.rawValue))]),
                ONNX.Node(op: "Sub", inputs: ["\(prefix)reconstruction_double", "\(prefix)scaled_double"], outputs: ["\(prefix)residual"], name: "\(prefix)error_residual"),
                ONNX.Node(op: "Mul", inputs: ["\(prefix)residual", "\(prefix)residual"], outputs: ["\(prefix)squared_residual"], name: "\(prefix)error_square"),
                ONNX.Node(op: "ReduceMean", inputs: ["\(prefix)squared_residual"], outputs: ["\(prefix)error"], name: "\(prefix)error_mean",
                          attributes: [ONNX.Attribute(name: "axes", value: .ints([1])), ONNX.Attribute(name: "keepdims", value: .int(0))]),
            ]
            reconstructions.append(current)
            errors.append("\(prefix)error")
        }
        if ensemble {
            // The ensemble's outputs: the means of its networks', summed in their order and divided
            // by their count, as aesh averages them (ONNX Runtime has no double Mean).
            initializers.append(ONNX.Tensor(name: "ensemble_size_float", dimensions: [], floats: [Float(networks.count)]))
            initializers.append(ONNX.Tensor(name: "ensemble_size", dimensions: [], doubles: [Double(networks.count)]))
            nodes += [
                ONNX.Node(op: "Sum", inputs: reconstructions, outputs: ["reconstruction_sum"], name: "ensemble_reconstruction_sum"),
                ONNX.Node(op: "Div", inputs: ["reconstruction_sum", "ensemble_size_float"], outputs: ["reconstruction"], name: "ensemble_reconstruction"),
                ONNX.Node(op: "Sum", inputs: errors, outputs: ["error_sum"], name: "ensemble_error_sum"),
                ONNX.Node(op: "Div", inputs: ["error_sum", "ensemble_size"], outputs: ["error"], name: "ensemble_error"),
            ]
        }
        initializers.append(ONNX.Tensor(name: "threshold", dimensions: [], doubles: [threshold]))
        nodes.append(ONNX.Node(op: "Greater", inputs: ["error", "threshold"], outputs: ["predicted"], name: "predicted_compare"))

        let rows = ONNX.Dimension.named("N")
        let columnList = columns.joined(separator: ", ")
        let graph = ONNX.Graph(
            name: "aesh_autoencoder", nodes: nodes, initializers: initializers,
            inputs: [ONNX.ValueInfo(name: "input", type: .float, shape: [rows, .fixed(width)],
                                    documentation: "raw features, one row per sample, columns in this order: \(columnList)")],
            outputs: [
                ONNX.ValueInfo(name: "reconstruction", type: .float, shape: [rows, .fixed(width)],
                               documentation: ensemble ? "the mean of the \(networks.count) networks' reconstructions of each row, in the scaled space"
                                   : "the network's reconstruction of each row, in the scaled space"),
                ONNX.ValueInfo(name: "error", type: .double, shape: [rows],
                               documentation: ensemble ? "the mean of the \(networks.count) networks' mean squared reconstruction errors of each row"
                                   : "each row's mean squared reconstruction error over its features"),
                ONNX.ValueInfo(name: "predicted", type: .bool, shape: [rows],
                               documentation: "true where error > \(threshold), the model's threshold"),
            ],
            documentation: ensemble ? "seed ensemble of \(networks.count) dense autoencoders exported by aesh" : "dense autoencoder exported by aesh")
        let model = ONNX.Model(
            irVersion: irVersion, opset: opset, producerName: "aesh", producerVersion: producerVersion,
            documentation: "aesh anomaly detector: reconstruction error above the threshold flags an anomaly",
            graph: graph,
            metadata: [("aesh.columns", jsonArray(columns)), ("aesh.label", labelName ?? ""), ("aesh.id", idName ?? ""),
                       ("aesh.threshold", "\(threshold)"), ("aesh.scaling", scaler?.method.rawValue ?? "none")])
        return model.encoded()
    }

    /// The encoded model file of `model`, which needs a threshold for its `predicted` output.
    public static func encode(_ model: AnomalyModel, producerVersion: String) throws -> [UInt8] {
        guard let threshold = model.threshold else {
            throw ONNXExportError(message: "the model has no threshold, which the graph's `predicted` output compares with")
        }
        return try encode(columns: model.columns, labelName: model.labelName, idName: model.idName, scaler: model.scaler,
                          networks: model.networks.map { $0.layers.map(denseLayer) }, threshold: threshold.value,
                          producerVersion: producerVersion)
    }

    /// Writes `model` as an ONNX file to `path`, whole or not at all.
    public static func write(_ model: AnomalyModel, to path: String, producerVersion: String) throws {
        try AtomicFile.write(Data(encode(model, producerVersion: producerVersion)), to: path)
    }

    /// Writes the model file to `path` whole or not at all.
    public static func write(to path: String, columns: [String], labelName: String?, scaler: FittedScaler?,
                             layers: [DenseLayer], threshold: Double, producerVersion: String) throws {
        let bytes = try encode(columns: columns, labelName: labelName, scaler: scaler, layers: layers,
                               threshold: threshold, producerVersion: producerVersion)
        try AtomicFile.write(Data(bytes), to: path)
    }

    /// The layer as the graph builds it. Every kind must map here (a new kind is a compile error
    /// until it does): a dense layer is a Gemm and its activation.
    static func denseLayer(_ layer: NetworkLayer) -> DenseLayer {
        switch layer {
        case .dense(let dense): return dense
        }
    }

    /// The ONNX operator of an activation; nil for linear, which needs none.
    static func activationOperator(_ activation: Activation) -> String? {
        switch activation {
        case .relu: return "Relu"
        case .sigmoid: return "Sigmoid"
        case .tanh: return "Tanh"
        case .linear: return nil
        }
    }

    private static func check(columns: [String], scaler: FittedScaler?, layers: [DenseLayer], threshold: Double) throws {
        guard let first = layers.first, let last = layers.last else { throw ONNXExportError(message: "the model has no layers") }
        guard first.inputs == columns.count, last.outputs == columns.count else {
            throw ONNXExportError(message: "the network maps \(first.inputs) inputs to \(last.outputs) outputs but the model has \(columns.count) columns")
        }
        for (index, layer) in layers.enumerated() {
            let expected = layer.inputs.multipliedReportingOverflow(by: layer.outputs)
            guard !expected.overflow, layer.weights.count == expected.partialValue, layer.bias.count == layer.outputs else {
                throw ONNXExportError(message: "layer \(index + 1) has parameter counts that do not match its sizes")
            }
            if index > 0, layers[index - 1].outputs != layer.inputs {
                throw ONNXExportError(message: "layer \(index + 1) takes \(layer.inputs) inputs but layer \(index) gives \(layers[index - 1].outputs)")
            }
        }
        if let scaler {
            do { try scaler.validate(columnCount: columns.count) } catch { throw ONNXExportError(message: "\(error)") }
        }
        guard threshold.isFinite else { throw ONNXExportError(message: "the threshold is not a finite number") }
    }

    private static func jsonArray(_ strings: [String]) -> String {
        guard let data = try? JSONEncoder().encode(strings), let text = String(data: data, encoding: .utf8) else { return "[]" }
        return text
    }
}

/// A model could not be exported as ONNX.
public struct ONNXExportError: Error, CustomStringConvertible, Equatable {
    /// What is wrong.
    public let message: String
    public var description: String { "cannot export as ONNX: \(message)" }
}
