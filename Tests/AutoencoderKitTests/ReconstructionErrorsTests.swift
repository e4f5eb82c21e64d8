import Testing
@testable import AutoencoderKit

@Suite struct ReconstructionErrorsTests {
    /// 2 → 1 → 2, linear: h = x₁ + x₂, y = (0.5 h, 0.5 h + 1).
    let handModel = Autoencoder(layers: [
        DenseLayer(inputs: 2, outputs: 1, weights: [1, 1], bias: [0], activation: .linear),
        DenseLayer(inputs: 1, outputs: 2, weights: [0.5, 0.5], bias: [0, 1], activation: .linear),
    ])

    /// Row (1, 3): h = 4, y = (2, 3), error ((2−1)² + (3−3)²) / 2 = 0.5.
    /// Row (2, −2): h = 0, y = (0, 1), error ((0−2)² + (1+2)²) / 2 = 6.5.
    /// Row (0, 0): y = (0, 1), error 1 / 2 = 0.5.
    @Test func errorsMatchHandComputation() throws {
        let data = try #require(Matrix(rowArrays: [[1, 3], [2, -2], [0, 0]]))
        #expect(ReconstructionErrors.compute(model: handModel, data: data).perRow == [0.5, 6.5, 0.5])
        #expect(ReconstructionErrors.featureContributions(model: handModel, row: [2, -2]) == [4, 9])
        #expect(handModel.reconstruct(data) == Matrix(rowArrays: [[2, 3], [0, 1], [0, 1]]))
        #expect(handModel.encode(data) == Matrix(rowArrays: [[4], [0], [0]]))
    }

    /// Over more rows than one chunk (so a partial last chunk is used), the per-row
    /// errors agree with a row-at-a-time computation and with the Double reference.
    @Test func chunkedErrorsAgreeWithRowByRowContributions() throws {
        let model = randomModel(widths: [10, 6, 10], activations: [.relu, .sigmoid], seed: 31)
        let data = lowRankData(rows: 1_100, width: 10, rank: 3, seed: 32)
        let errors = ReconstructionErrors.compute(model: model, data: data)
        #expect(errors.perRow.count == 1_100)
        let reference = ReferenceNetwork(model)
        for r in stride(from: 0, to: 1_100, by: 37) + [511, 512, 1_023, 1_024, 1_099] {
            let row = data.row(r)
            let contributions = ReconstructionErrors.featureContributions(model: model, row: row)
            #expect(contributions.count == 10)
            #expect(abs(contributions.reduce(0, +) - errors.perRow[r] * 10) <= 1e-5 * errors.perRow[r] * 10)
            let expected = zip(reference.reconstruct(row.map(Double.init)), row).map { ($0 - Double($1)) * ($0 - Double($1)) }
            #expect(abs(errors.perRow[r] - expected.reduce(0, +) / 10) <= 1e-5 * errors.perRow[r])
        }
    }

    /// Enough work to be split over two threads: every row, on both sides of the split and of
    /// the chunks, agrees with the Double reference, and a second run gives the same bits.
    @Test func twoThreadErrorsAgreeWithTheReference() throws {
        let model = randomModel(widths: [32, 24, 32], activations: [.tanh, .linear], seed: 41)
        let data = lowRankData(rows: 2_701, width: 32, rank: 4, seed: 42)
        #expect(2_701 * (32 * 24 * 2) >= ReconstructionErrors.parallelWork)
        let errors = ReconstructionErrors.compute(model: model, data: data)
        #expect(errors.perRow.count == 2_701)
        #expect(errors == ReconstructionErrors.compute(model: model, data: data))
        let reference = ReferenceNetwork(model)
        for r in stride(from: 0, to: 2_701, by: 53) + [1_349, 1_350, 1_351, 1_861, 1_862, 2_700] {
            let row = data.row(r)
            let expected = zip(reference.reconstruct(row.map(Double.init)), row).map { ($0 - Double($1)) * ($0 - Double($1)) }
            #expect(abs(errors.perRow[r] - expected.reduce(0, +) / 32) <= 1e-5 * errors.perRow[r], "row \(r)")
        }
    }

    @Test func emptyDataGivesNoErrors() {
        #expect(ReconstructionErrors.compute(model: handModel, data: Matrix(rows: 0, columns: 2)).perRow.isEmpty)
    }
}

@Suite struct AutoencoderStructureTests {
    @Test func initialisationFollowsGlorotAndKeras() throws {
        var g = SeededGenerator(seed: 1)
        let model = Autoencoder(inputSize: 64, hidden: [32, 8, 32], activation: .relu, output: .linear, generator: &g)
        #expect(model.layers.map(\.inputs) == [64, 32, 8, 32])
        #expect(model.layers.map(\.outputs) == [32, 8, 32, 64])
        #expect(model.layers.map(\.activation) == [.relu, .relu, .relu, .linear])
        #expect((model.inputSize, model.hiddenSizes, model.bottleneckLayerIndex, model.latentSize) == (64, [32, 8, 32], 1, 8))
        #expect(model.parameterCount == 64 * 32 + 32 + 32 * 8 + 8 + 8 * 32 + 32 + 32 * 64 + 64)
        for layer in model.layers {
            let limit = Float((6.0 / Double(layer.inputs + layer.outputs)).squareRoot())
            #expect(layer.weights.allSatisfy { abs($0) <= limit })
            #expect(layer.weights.map(abs).max()! > 0.9 * limit)
            #expect(layer.bias.allSatisfy { $0 == 0 })
        }
        try model.validate()
        var again = SeededGenerator(seed: 1)
        #expect(Autoencoder(inputSize: 64, hidden: [32, 8, 32], activation: .relu, output: .linear, generator: &again) == model)
    }

    @Test func bottleneckIsTheFirstNarrowestHiddenLayer() {
        var g = SeededGenerator(seed: 2)
        #expect(Autoencoder(inputSize: 10, hidden: [6], activation: .relu, output: .sigmoid, generator: &g).bottleneckLayerIndex == 0)
        #expect(Autoencoder(inputSize: 10, hidden: [8, 4, 4, 8], activation: .relu, output: .sigmoid, generator: &g).bottleneckLayerIndex == 1)
        let model = Autoencoder(inputSize: 10, hidden: [3, 5], activation: .tanh, output: .linear, generator: &g)
        #expect((model.bottleneckLayerIndex, model.latentSize) == (0, 3))
        let data = lowRankData(rows: 20, width: 10, rank: 2, seed: 3)
        #expect((model.encode(data).rows, model.encode(data).columns) == (20, 3))
        #expect((model.reconstruct(data).rows, model.reconstruct(data).columns) == (20, 10))
    }

    @Test func validationNamesTheProblem() {
        var g = SeededGenerator(seed: 3)
        let good = Autoencoder(inputSize: 4, hidden: [2], activation: .relu, output: .linear, generator: &g)
        func problem(_ change: (inout Autoencoder) -> Void) -> String {
            var model = good
            change(&model)
            do {
                try model.validate()
                return "valid"
            } catch {
                return "\(error)"
            }
        }
        #expect(problem { _ in } == "valid")
        #expect(problem { $0.layers = [] } == "the model has no layers")
        #expect(problem { $0.layers[1].inputs = 3 }.contains("layer 2 of 2"))
        #expect(problem { $0.layers[0].weights.removeLast() }.contains("has 7 weights; expected 4 × 2"))
        #expect(problem { $0.layers[1].weights[5] = .infinity }.contains("non-finite weight"))
        #expect(problem { $0.layers[0].bias[1] = .nan }.contains("non-finite bias"))
        #expect(problem { $0.layers[1] = .dense(DenseLayer(inputs: 2, outputs: 3, weights: [0, 0, 0, 0, 0, 0], bias: [0, 0, 0], activation: .linear)) }
            .contains("reconstructs its input"))
        var h = SeededGenerator(seed: 4)
        #expect(throws: ModelError.self) {
            try Autoencoder(inputSize: 4, hidden: [0], activation: .relu, output: .linear, generator: &h).validate()
        }
    }
}
