import Foundation
import Testing
@testable import AutoencoderKit

@Suite struct LayerTests {
    let dense = DenseLayer(inputs: 3, outputs: 2, weights: [1, -2, 0.5, 4, -0.25, 3], bias: [0.125, -1],
                           activation: .tanh)

    @Test func aDenseLayerPacksWeightsThenBiasesAndReadsThemBack() {
        #expect(dense.parameterCount == 8)
        #expect(dense.multiplyAddsPerRow == 6)
        var flat = [Float](repeating: .nan, count: 8)
        flat.withUnsafeMutableBufferPointer { dense.packParameters(into: $0.baseAddress!) }
        #expect(flat == [1, -2, 0.5, 4, -0.25, 3, 0.125, -1])
        let shifted = flat.map { $0 + 1 }
        let refilled = shifted.withUnsafeBufferPointer { dense.withParameters(from: $0.baseAddress!) }
        #expect(refilled.weights == [2, -1, 1.5, 5, 0.75, 4])
        #expect(refilled.bias == [1.125, 0])
        #expect(refilled.activation == .tanh && refilled.inputs == 3 && refilled.outputs == 2)
    }

    @Test func parameterCountsThatDoNotMatchTheSizesAreInconsistent() {
        #expect(dense.hasConsistentParameters)
        var short = dense
        short.bias = [0]
        #expect(!short.hasConsistentParameters)
        #expect(throws: ModelError(description: "layer 1 of 1 has 1 biases; expected 2")) {
            try short.validateParameters(name: "layer 1 of 1")
        }
    }

    @Test func aLayerEncodesItsKindBesideItsFields() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(NetworkLayer.dense(dense)), as: UTF8.self)
        #expect(text == #"{"activation":"tanh","bias":[0.125,-1],"inputs":3,"kind":"dense","outputs":2,"weights":[1,-2,0.5,4,-0.25,3]}"#)
        #expect(try JSONDecoder().decode(NetworkLayer.self, from: Data(text.utf8)) == .dense(dense))
    }

    @Test func onlyAVersion1FileMayLeaveTheKindOut() throws {
        let text = #"{"activation":"tanh","bias":[0.125,-1],"inputs":3,"outputs":2,"weights":[1,-2,0.5,4,-0.25,3]}"#
        let version1 = JSONDecoder()
        version1.userInfo[NetworkLayer.fileVersionKey] = 1
        #expect(try version1.decode(NetworkLayer.self, from: Data(text.utf8)) == .dense(dense))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NetworkLayer.self, from: Data(text.utf8)) }
    }

    @Test func theDenseViewReadsAndEditsTheLayer() {
        var layer = NetworkLayer.dense(dense)
        #expect(layer.kind == .dense && layer.inputs == 3 && layer.outputs == 2 && layer.parameterCount == 8)
        layer.dense?.bias = [7, 8]
        #expect(layer.dense?.bias == [7, 8])
        #expect(layer.dense?.weights == dense.weights)
    }

    /// Dense layers compute the same in training and inference: a training-mode pass over a batch
    /// gives the inference pass's reconstruction bit for bit.
    @Test func aDenseNetworkComputesTheSameInBothModes() throws {
        var generator = SeededGenerator(seed: 11)
        let model = Autoencoder(inputSize: 5, hidden: [3], activation: .relu, output: .sigmoid, generator: &generator)
        let values = (0..<(7 * 5)).map { _ in Float(generator.nextNormal()) }
        let data = try #require(Matrix(rows: 7, columns: 5, values: values))
        let pass = ForwardPass(model: model, capacity: 7)
        var outputs: [[Float]] = []
        for mode in [LayerMode.inference, .training] {
            data.values.withUnsafeBufferPointer { pass.loadRows(from: $0.baseAddress!, firstRow: 0, count: 7) }
            pass.run(rows: 7, through: 1, mode: mode)
            var rows = [Float](repeating: 0, count: 7 * 5)
            rows.withUnsafeMutableBufferPointer { pass.copyRows(ofActivation: 2, rows: 7, into: $0.baseAddress!) }
            outputs.append(rows)
        }
        #expect(outputs[0].map(\.bitPattern) == outputs[1].map(\.bitPattern))
        #expect(outputs[0] == model.reconstruct(data).values)
    }
}
