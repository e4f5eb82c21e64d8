import BatchKernels
import Foundation
#if canImport(BatchKernelsAVX512)
import BatchKernelsAVX2
import BatchKernelsAVX512
#endif

/// What a report names about the batch loops (see `BatchKernelVariant`).
public enum BatchLoops {
    /// The compilation of the kernels this process runs: "AVX-512", "AVX2" or "portable".
    public static var name: String { BatchKernelVariant.selected.name }
}

/// Which compilation of the kernels runs (the batch loops and t-SNE's forces): the BatchKernels
/// module, built for any processor of its architecture, or on x86-64 the same sources built again
/// as BatchKernelsAVX2 for `-target-cpu haswell` and as BatchKernelsAVX512 for
/// `-target-cpu skylake-avx512` (see Package.swift).
///
/// Swift has no per-function target attribute, so the loops are compiled three times and chosen
/// here once, from /proc/cpuinfo: the widest this processor runs. Swift never fuses a multiply and
/// an add on its own, so every compilation performs the same IEEE operations in the same order:
/// the same run gives the same numbers, bit for bit, with any of them. The wider registers only
/// mean fewer instructions: a W1 epoch (10 → 6 → 10 at batch 32), where the loops are nearly all
/// the work, took about a fifth less time with AVX-512 on the development machine, and the
/// Barnes–Hut repulsion of a 10,000-row t-SNE a half (AVX2) and a third (AVX-512) of the portable
/// build's time.
///
/// `AESH_KERNELS=baseline` or `AESH_KERNELS=avx2` in the environment keeps the portable or the AVX2
/// loops (to compare them; avx2 only where the processor has it); anything else lets the
/// processor decide.
enum BatchKernelVariant: Sendable {
    case baseline
    #if canImport(BatchKernelsAVX512)
    case avx2
    case avx512
    #endif

    /// The variant this process runs.
    static let selected: BatchKernelVariant = {
        let runnable = Self.runnable
        switch ProcessInfo.processInfo.environment["AESH_KERNELS"] {
        case "baseline": return .baseline
        #if canImport(BatchKernelsAVX512)
        case "avx2" where runnable.contains(.avx2): return .avx2
        #endif
        default: return runnable.last ?? .baseline
        }
    }()

    /// Every variant this processor can run, narrowest first (for tests that compare them).
    static var runnable: [BatchKernelVariant] {
        var variants: [BatchKernelVariant] = [.baseline]
        #if canImport(BatchKernelsAVX512)
        if Processor.current.runsHaswellCode { variants.append(.avx2) }
        if Processor.current.runsSkylakeAVX512Code { variants.append(.avx512) }
        #endif
        return variants
    }

    /// The name the bench and the `about` output report.
    var name: String {
        switch self {
        case .baseline: "portable"
        #if canImport(BatchKernelsAVX512)
        case .avx2: "AVX2"
        case .avx512: "AVX-512"
        #endif
        }
    }

    /// `LayerLoops.forward`: y = act(x · W + b) with plain loops.
    func forward(
        x: UnsafePointer<Float>, stride: Int, rows: Int, inputs: Int, outputs: Int,
        weights: UnsafePointer<Float>, bias: UnsafePointer<Float>, activation: Activation,
        y: UnsafeMutablePointer<Float>
    ) {
        switch self {
        case .baseline:
            BatchKernels.LayerLoops.forward(x: x, stride: stride, rows: rows, inputs: inputs, outputs: outputs,
                                            weights: weights, bias: bias, activation: activation.baseline, y: y)
        #if canImport(BatchKernelsAVX512)
        case .avx2:
            BatchKernelsAVX2.LayerLoops.forward(x: x, stride: stride, rows: rows, inputs: inputs, outputs: outputs,
                                                weights: weights, bias: bias, activation: activation.avx2, y: y)
        case .avx512:
            BatchKernelsAVX512.LayerLoops.forward(x: x, stride: stride, rows: rows, inputs: inputs, outputs: outputs,
                                                  weights: weights, bias: bias, activation: activation.avx512, y: y)
        #endif
        }
    }

    /// `LayerLoops.addBiasAndActivate`: the rest of the forward pass after sgemm.
    func addBiasAndActivate(
        y: UnsafeMutablePointer<Float>, stride: Int, rows: Int, outputs: Int,
        bias: UnsafePointer<Float>, activation: Activation
    ) {
        switch self {
        case .baseline:
            BatchKernels.LayerLoops.addBiasAndActivate(y: y, stride: stride, rows: rows, outputs: outputs,
                                                       bias: bias, activation: activation.baseline)
        #if canImport(BatchKernelsAVX512)
        case .avx2:
            BatchKernelsAVX2.LayerLoops.addBiasAndActivate(y: y, stride: stride, rows: rows, outputs: outputs,
                                                           bias: bias, activation: activation.avx2)
        case .avx512:
            BatchKernelsAVX512.LayerLoops.addBiasAndActivate(y: y, stride: stride, rows: rows, outputs: outputs,
                                                             bias: bias, activation: activation.avx512)
        #endif
        }
    }

    /// `LayerLoops.activationGradient`: dL/dz from dL/dy, and the bias gradient.
    func activationGradient(
        dy: UnsafeMutablePointer<Float>, y: UnsafePointer<Float>, stride: Int, rows: Int, outputs: Int,
        activation: Activation, db: UnsafeMutablePointer<Float>
    ) {
        switch self {
        case .baseline:
            BatchKernels.LayerLoops.activationGradient(dy: dy, y: y, stride: stride, rows: rows, outputs: outputs,
                                                       activation: activation.baseline, db: db)
        #if canImport(BatchKernelsAVX512)
        case .avx2:
            BatchKernelsAVX2.LayerLoops.activationGradient(dy: dy, y: y, stride: stride, rows: rows, outputs: outputs,
                                                           activation: activation.avx2, db: db)
        case .avx512:
            BatchKernelsAVX512.LayerLoops.activationGradient(dy: dy, y: y, stride: stride, rows: rows, outputs: outputs,
                                                             activation: activation.avx512, db: db)
        #endif
        }
    }

    /// `LayerLoops.backward`: dW and dL/dx of a small layer with plain loops.
    func backward(
        x: UnsafePointer<Float>, dz: UnsafePointer<Float>, stride: Int, rows: Int, inputs: Int, outputs: Int,
        weights: UnsafePointer<Float>, dW: UnsafeMutablePointer<Float>, dx: UnsafeMutablePointer<Float>?
    ) {
        switch self {
        case .baseline:
            BatchKernels.LayerLoops.backward(x: x, dz: dz, stride: stride, rows: rows, inputs: inputs, outputs: outputs,
                                             weights: weights, dW: dW, dx: dx)
        #if canImport(BatchKernelsAVX512)
        case .avx2:
            BatchKernelsAVX2.LayerLoops.backward(x: x, dz: dz, stride: stride, rows: rows, inputs: inputs, outputs: outputs,
                                                 weights: weights, dW: dW, dx: dx)
        case .avx512:
            BatchKernelsAVX512.LayerLoops.backward(x: x, dz: dz, stride: stride, rows: rows, inputs: inputs, outputs: outputs,
                                                   weights: weights, dW: dW, dx: dx)
        #endif
        }
    }

    /// `RowLoops.gather` of the rows named by `indices`.
    func gather(
        from data: UnsafePointer<Float>, width: Int, indices: UnsafePointer<Int>, count: Int,
        into x: UnsafeMutablePointer<Float>, stride: Int
    ) {
        switch self {
        case .baseline:
            BatchKernels.RowLoops.gather(from: data, width: width, indices: indices, count: count, into: x, stride: stride)
        #if canImport(BatchKernelsAVX512)
        case .avx2:
            BatchKernelsAVX2.RowLoops.gather(from: data, width: width, indices: indices, count: count, into: x, stride: stride)
        case .avx512:
            BatchKernelsAVX512.RowLoops.gather(from: data, width: width, indices: indices, count: count, into: x, stride: stride)
        #endif
        }
    }

    /// `RowLoops.gather` of consecutive rows.
    func gather(
        from data: UnsafePointer<Float>, width: Int, firstRow: Int, count: Int,
        into x: UnsafeMutablePointer<Float>, stride: Int
    ) {
        switch self {
        case .baseline:
            BatchKernels.RowLoops.gather(from: data, width: width, firstRow: firstRow, count: count, into: x, stride: stride)
        #if canImport(BatchKernelsAVX512)
        case .avx2:
            BatchKernelsAVX2.RowLoops.gather(from: data, width: width, firstRow: firstRow, count: count, into: x, stride: stride)
        case .avx512:
            BatchKernelsAVX512.RowLoops.gather(from: data, width: width, firstRow: firstRow, count: count, into: x, stride: stride)
        #endif
        }
    }

    /// `RowLoops.squaredError`: Σ (y − x)², and optionally its gradient.
    func squaredError(
        y: UnsafePointer<Float>, x: UnsafePointer<Float>, stride: Int, rows: Int, width: Int,
        gradient: UnsafeMutablePointer<Float>?, scale: Float
    ) -> Double {
        switch self {
        case .baseline:
            return BatchKernels.RowLoops.squaredError(y: y, x: x, stride: stride, rows: rows, width: width,
                                                      gradient: gradient, scale: scale)
        #if canImport(BatchKernelsAVX512)
        case .avx2:
            return BatchKernelsAVX2.RowLoops.squaredError(y: y, x: x, stride: stride, rows: rows, width: width,
                                                          gradient: gradient, scale: scale)
        case .avx512:
            return BatchKernelsAVX512.RowLoops.squaredError(y: y, x: x, stride: stride, rows: rows, width: width,
                                                            gradient: gradient, scale: scale)
        #endif
        }
    }

    /// `RowLoops.add`: target += source.
    func add(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .baseline:
            BatchKernels.RowLoops.add(source, into: target, count: count)
        #if canImport(BatchKernelsAVX512)
        case .avx2:
            BatchKernelsAVX2.RowLoops.add(source, into: target, count: count)
        case .avx512:
            BatchKernelsAVX512.RowLoops.add(source, into: target, count: count)
        #endif
        }
    }

    /// `RowLoops.sumOfSquares`: Σ v² in Double.
    func sumOfSquares(_ values: UnsafePointer<Float>, count: Int) -> Double {
        switch self {
        case .baseline:
            return BatchKernels.RowLoops.sumOfSquares(values, count: count)
        #if canImport(BatchKernelsAVX512)
        case .avx2:
            return BatchKernelsAVX2.RowLoops.sumOfSquares(values, count: count)
        case .avx512:
            return BatchKernelsAVX512.RowLoops.sumOfSquares(values, count: count)
        #endif
        }
    }

    /// `AdamLoop.apply`: one Adam step over a run of parameters.
    func adam(
        alpha: Float, keep1: Float, keep2: Float, epsilon: Float,
        parameters: UnsafePointer<Float>, gradients: UnsafePointer<Float>,
        m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
        updated: UnsafeMutablePointer<Float>, count: Int
    ) -> Bool {
        switch self {
        case .baseline:
            return BatchKernels.AdamLoop.apply(alpha: alpha, keep1: keep1, keep2: keep2, epsilon: epsilon,
                                               parameters: parameters, gradients: gradients, m: m, v: v,
                                               updated: updated, count: count)
        #if canImport(BatchKernelsAVX512)
        case .avx2:
            return BatchKernelsAVX2.AdamLoop.apply(alpha: alpha, keep1: keep1, keep2: keep2, epsilon: epsilon,
                                                   parameters: parameters, gradients: gradients, m: m, v: v,
                                                   updated: updated, count: count)
        case .avx512:
            return BatchKernelsAVX512.AdamLoop.apply(alpha: alpha, keep1: keep1, keep2: keep2, epsilon: epsilon,
                                                     parameters: parameters, gradients: gradients, m: m, v: v,
                                                     updated: updated, count: count)
        #endif
        }
    }
}

extension BatchKernelVariant {
    /// `AttractionLoops.forces`: t-SNE's attraction over the sparse P for the rows `range`;
    /// returns their part of Σ p log(p / w) when `klPart`.
    func attraction(
        _ range: Range<Int>, rowStart: UnsafePointer<Int>, columns: UnsafePointer<Int>, values: UnsafePointer<Double>,
        y: UnsafePointer<Double>, dimensions: Int, klPart: Bool, into attraction: UnsafeMutablePointer<Double>
    ) -> Double {
        switch self {
        case .baseline:
            BatchKernels.AttractionLoops.forces(range, rowStart: rowStart, columns: columns, values: values, y: y,
                                                dimensions: dimensions, klPart: klPart, into: attraction)
        #if canImport(BatchKernelsAVX512)
        case .avx2:
            BatchKernelsAVX2.AttractionLoops.forces(range, rowStart: rowStart, columns: columns, values: values, y: y,
                                                    dimensions: dimensions, klPart: klPart, into: attraction)
        case .avx512:
            BatchKernelsAVX512.AttractionLoops.forces(range, rowStart: rowStart, columns: columns, values: values, y: y,
                                                      dimensions: dimensions, klPart: klPart, into: attraction)
        #endif
        }
    }

    /// `RepulsionLoops.forces`: Barnes–Hut's repulsion for `points[range]`, walking `cells`
    /// together eight points at a time; returns those points' part of Z.
    func repulsion(
        _ range: Range<Int>, y: UnsafePointer<Double>, dimensions: Int,
        cells: UnsafeBufferPointer<BatchKernels.TreeCell>, points: UnsafePointer<Int32>, maximumDepth: Int,
        thetaSquared: Double, into repulsion: UnsafeMutablePointer<Double>
    ) -> Double {
        guard let first = cells.baseAddress else { return 0 }
        switch self {
        case .baseline:
            return BatchKernels.RepulsionLoops.forces(range, y: y, dimensions: dimensions, cells: first, points: points,
                                                      maximumDepth: maximumDepth, thetaSquared: thetaSquared, into: repulsion)
        #if canImport(BatchKernelsAVX512)
        case .avx2:
            // Each module's TreeCell is the same declaration compiled again: the same layout.
            return first.withMemoryRebound(to: BatchKernelsAVX2.TreeCell.self, capacity: cells.count) { cells in
                BatchKernelsAVX2.RepulsionLoops.forces(range, y: y, dimensions: dimensions, cells: cells, points: points,
                                                       maximumDepth: maximumDepth, thetaSquared: thetaSquared, into: repulsion)
            }
        case .avx512:
            return first.withMemoryRebound(to: BatchKernelsAVX512.TreeCell.self, capacity: cells.count) { cells in
                BatchKernelsAVX512.RepulsionLoops.forces(range, y: y, dimensions: dimensions, cells: cells, points: points,
                                                         maximumDepth: maximumDepth, thetaSquared: thetaSquared, into: repulsion)
            }
        #endif
        }
    }
}

private extension Activation {
    /// The activation as the portable loops name it.
    var baseline: BatchKernels.KernelActivation {
        switch self {
        case .relu: .relu
        case .sigmoid: .sigmoid
        case .tanh: .tanh
        case .linear: .linear
        }
    }

    #if canImport(BatchKernelsAVX512)
    /// The activation as the AVX2 loops name it.
    var avx2: BatchKernelsAVX2.KernelActivation {
        switch self {
        case .relu: .relu
        case .sigmoid: .sigmoid
        case .tanh: .tanh
        case .linear: .linear
        }
    }

    /// The activation as the AVX-512 loops name it.
    var avx512: BatchKernelsAVX512.KernelActivation {
        switch self {
        case .relu: .relu
        case .sigmoid: .sigmoid
        case .tanh: .tanh
        case .linear: .linear
        }
    }
    #endif
}
