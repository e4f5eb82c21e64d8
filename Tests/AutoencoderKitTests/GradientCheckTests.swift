import Foundation
import Testing
@testable import AutoencoderKit

/// The network evaluated in Double, independently of the kernels: the reference the analytic
/// gradients and losses are checked against.
struct ReferenceNetwork {
    var layers: [(inputs: Int, outputs: Int, weights: [Double], bias: [Double], activation: Activation)]

    init(_ model: Autoencoder) {
        layers = model.layers.map { ($0.inputs, $0.outputs, $0.weights.map(Double.init), $0.bias.map(Double.init), $0.activation) }
    }

    /// The parameters in the trainer's flat order: each layer's weights, then its bias.
    var parameters: [Double] {
        get { layers.flatMap { $0.weights + $0.bias } }
        set {
            var k = 0
            for l in layers.indices {
                for i in layers[l].weights.indices { layers[l].weights[i] = newValue[k]; k += 1 }
                for j in layers[l].bias.indices { layers[l].bias[j] = newValue[k]; k += 1 }
            }
        }
    }

    static func activate(_ z: Double, _ activation: Activation) -> Double {
        switch activation {
        case .relu: max(z, 0)
        case .sigmoid: 1 / (1 + exp(-z))
        case .tanh: tanh(z)
        case .linear: z
        }
    }

    func reconstruct(_ row: [Double]) -> [Double] {
        layers.reduce(row) { x, layer in
            (0..<layer.outputs).map { j in
                var z = layer.bias[j]
                for i in 0..<layer.inputs { z += x[i] * layer.weights[i * layer.outputs + j] }
                return Self.activate(z, layer.activation)
            }
        }
    }

    /// MSE over all rows and features.
    func loss(_ rows: [[Double]]) -> Double {
        var sum = 0.0
        for row in rows {
            for (y, x) in zip(reconstruct(row), row) { sum += (y - x) * (y - x) }
        }
        return sum / Double(rows.count * (rows.first?.count ?? 1))
    }

    /// ∂loss/∂parameter by central differences.
    func numericalGradient(_ rows: [[Double]], step: Double = 1e-6) -> [Double] {
        let base = parameters
        var probe = self
        return base.indices.map { k in
            var p = base
            p[k] = base[k] + step
            probe.parameters = p
            let up = probe.loss(rows)
            p[k] = base[k] - step
            probe.parameters = p
            let down = probe.loss(rows)
            return (up - down) / (2 * step)
        }
    }
}

/// A model with the given layer widths and activations, random weights and non-zero biases.
func randomModel(widths: [Int], activations: [Activation], seed: UInt64) -> Autoencoder {
    var g = SeededGenerator(seed: seed)
    return Autoencoder(layers: (0..<(widths.count - 1)).map { l in
        DenseLayer(inputs: widths[l], outputs: widths[l + 1],
                   weights: (0..<(widths[l] * widths[l + 1])).map { _ in Float(g.nextUniform(in: -0.9, 0.9)) },
                   bias: (0..<widths[l + 1]).map { _ in Float(g.nextUniform(in: -0.5, 0.5)) },
                   activation: activations[l])
    })
}

func randomRows(_ count: Int, _ width: Int, seed: UInt64) -> [[Float]] {
    var g = SeededGenerator(seed: seed)
    return (0..<count).map { _ in (0..<width).map { _ in Float(g.nextNormal()) } }
}

@Suite struct GradientCheckTests {
    static let networks: [[Activation]] = Activation.allCases.map { [$0, $0, $0, $0] } + [
        [.relu, .tanh, .sigmoid, .linear],
        [.linear, .sigmoid, .relu, .tanh],
        [.tanh, .relu, .linear, .sigmoid],
    ]

    /// Backprop of the whole 5→4→3→4→5 network against central differences of the Double loss,
    /// through the SIMD loops and through sgemm, on a batch (13 rows in room for 16) that fills
    /// neither a vector nor the buffers.
    @Test(arguments: networks, [false, true])
    func backwardMatchesFiniteDifferences(activations: [Activation], blas: Bool) throws {
        let model = randomModel(widths: [5, 4, 3, 4, 5], activations: activations, seed: 11)
        let rows = randomRows(13, 5, seed: 12)
        let data = try #require(Matrix(rowArrays: rows))
        let workspace = TrainingWorkspace(model: model, capacity: 16, learningRate: 0.001,
                                          blasThreshold: blas ? 0 : .max)
        #expect(workspace.forward.kernels.allSatisfy { $0.usesBLAS == blas })
        let indices = Array(0..<13)
        data.values.withUnsafeBufferPointer { values in
            indices.withUnsafeBufferPointer { workspace.forward.loadRows(from: values.baseAddress!, indices: $0.baseAddress!, count: 13) }
        }
        let sum = workspace.forwardWithLoss(rows: 13)
        workspace.backward(rows: 13)
        let analytic = (0..<workspace.layout.count).map { Double(workspace.gradients.pointer[$0]) }

        let reference = ReferenceNetwork(model)
        let doubleRows = rows.map { $0.map(Double.init) }
        #expect(abs(sum / (13 * 5) - reference.loss(doubleRows)) < 1e-6)
        let numerical = reference.numericalGradient(doubleRows)
        #expect(analytic.count == numerical.count)
        let scale = numerical.map(abs).max() ?? 1
        for (k, (a, n)) in zip(analytic, numerical).enumerated() {
            #expect(abs(a - n) <= 1e-3 * abs(n) + 1e-5 * scale, "parameter \(k): backprop \(a), finite differences \(n)")
        }
        #expect(analytic.contains { $0 != 0 })
    }

    /// The forward pass agrees with the Double reference row by row, in both kernels.
    @Test(arguments: networks, [false, true])
    func forwardMatchesReference(activations: [Activation], blas: Bool) throws {
        let model = randomModel(widths: [5, 4, 3, 4, 5], activations: activations, seed: 21)
        let rows = randomRows(21, 5, seed: 22)
        let pass = ForwardPass(model: model, capacity: 24, blasThreshold: blas ? 0 : .max)
        let data = try #require(Matrix(rowArrays: rows))
        var output = [Float](repeating: 0, count: 21 * 5)
        data.values.withUnsafeBufferPointer { pass.loadRows(from: $0.baseAddress!, firstRow: 0, count: 21) }
        pass.run(rows: 21, through: 3)
        output.withUnsafeMutableBufferPointer { pass.copyRows(ofActivation: 4, rows: 21, into: $0.baseAddress!) }
        let reference = ReferenceNetwork(model)
        for (r, row) in rows.enumerated() {
            let expected = reference.reconstruct(row.map(Double.init))
            for c in 0..<5 { #expect(abs(Double(output[r * 5 + c]) - expected[c]) < 1e-5) }
        }
    }
}
