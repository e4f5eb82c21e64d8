import Testing
@testable import AutoencoderKit

@Suite struct KernelVariantTests {
    /// The portable, AVX2 and AVX-512 compilations of the batch loops must train to the same
    /// weights, bit for bit: a run's numbers may not depend on the processor's vector width.
    /// Every activation, through the loops and through sgemm, on batches of 29 rows (a block of
    /// 16 and a tail), for a few Adam steps. Runs only where the processor has AVX2 or more.
    @Test(.enabled(if: BatchKernelVariant.runnable.count > 1, "needs a processor with AVX2"),
          arguments: GradientCheckTests.networks, [false, true])
    func variantsTrainToTheSameBits(activations: [Activation], blas: Bool) throws {
        let model = randomModel(widths: [7, 5, 3, 5, 7], activations: activations, seed: 41)
        let data = try #require(Matrix(rowArrays: randomRows(29 * 4, 7, seed: 42)))
        let order = Array((0..<(29 * 4)).reversed())
        var results: [(variant: String, losses: [UInt64], weights: [UInt32])] = []
        for variant in BatchKernelVariant.runnable {
            let workspace = TrainingWorkspace(model: model, capacity: 29, learningRate: 0.01,
                                              blasThreshold: blas ? 0 : .max, loops: variant)
            #expect(workspace.forward.kernels.allSatisfy { $0.usesBLAS == blas && $0.loops == variant })
            var losses: [UInt64] = []
            data.values.withUnsafeBufferPointer { values in
                order.withUnsafeBufferPointer { indices in
                    for batch in 0..<4 {
                        let loss = workspace.lossAndGradients(data: values.baseAddress!, indices: indices.baseAddress! + batch * 29, rows: 29)
                        losses.append(loss.bitPattern)
                        #expect(workspace.step())
                    }
                }
            }
            let weights = (0..<workspace.layout.count).map { workspace.forward.parameters.pointer[$0].bitPattern }
            results.append((variant.name, losses, weights))
        }
        for other in results.dropFirst() {
            #expect(other.losses == results[0].losses, "\(other.variant) against \(results[0].variant)")
            #expect(other.weights == results[0].weights, "\(other.variant) against \(results[0].variant)")
        }
    }

    /// Barnes–Hut's repulsion gives the same bits in every compilation of its loops.
    @Test(.enabled(if: BatchKernelVariant.runnable.count > 1, "needs a processor with AVX2"), arguments: [2, 3])
    func variantsWalkTheTreeToTheSameBits(dimensions dims: Int) {
        var generator = SeededGenerator(seed: 5)
        let n = 500
        let y = (0..<(n * dims)).map { _ in generator.nextNormal() * 4 }
        var tree = SpaceTree(dimensions: dims)
        tree.build(y, count: n)
        var results: [(variant: String, forces: [UInt64], z: UInt64)] = []
        for variant in BatchKernelVariant.runnable {
            var repulsion = [Double](repeating: 0, count: n * dims)
            let z = y.withUnsafeBufferPointer { y in
                tree.nodes.withUnsafeBufferPointer { cells in
                    tree.points.withUnsafeBufferPointer { points in
                        variant.kernels.repulsion(0..<n, y: y.baseAddress!, dimensions: dims, cells: cells.baseAddress!,
                                                  points: points.baseAddress!, maximumDepth: SpaceTree.maximumDepth, thetaSquared: 0.25, into: &repulsion)
                    }
                }
            }
            results.append((variant.name, repulsion.map(\.bitPattern), z.bitPattern))
        }
        for other in results.dropFirst() {
            #expect(other.forces == results[0].forces && other.z == results[0].z, "\(other.variant) against \(results[0].variant)")
        }
    }

    /// t-SNE's attraction gives the same bits in every compilation of its loops.
    @Test(.enabled(if: BatchKernelVariant.runnable.count > 1, "needs a processor with AVX2"), arguments: [2, 3])
    func variantsAttractToTheSameBits(dimensions dims: Int) {
        let data = TSNETestData.gaussian(rows: 200, columns: 6, seed: 9)
        let p = TSNE.sparseAffinities(data, { var o = TSNEOptions(); o.perplexity = 10; return o }())
        var generator = SeededGenerator(seed: 6)
        let y = (0..<(200 * dims)).map { _ in generator.nextNormal() * 4 }
        var results: [(variant: String, forces: [UInt64], kl: UInt64)] = []
        for variant in BatchKernelVariant.runnable {
            var attraction = [Double](repeating: 0, count: 200 * dims)
            let kl = variant.kernels.attraction(0..<200, rowStart: p.rowStart, columns: p.columns, values: p.values, y: y,
                                                dimensions: dims, klPart: true, into: &attraction)
            results.append((variant.name, attraction.map(\.bitPattern), kl.bitPattern))
        }
        for other in results.dropFirst() {
            #expect(other.forces == results[0].forces && other.kl == results[0].kl, "\(other.variant) against \(results[0].variant)")
        }
    }
}
