import BatchKernels
import Foundation
#if canImport(BatchKernelsAVX512)
import BatchKernelsAVX512
#endif

/// What a report names about the batch loops (see `BatchKernelVariant`).
public enum BatchLoops {
    /// The compilation of the batch loops this process runs: "AVX-512" or "portable".
    public static var name: String { BatchKernelVariant.selected.name }
}

/// Which compilation of the batch loops runs: the BatchKernels module, built for any processor of
/// its architecture, or on x86-64 the same sources built again as BatchKernelsAVX512 for
/// `-target-cpu skylake-avx512` (see Package.swift).
///
/// Swift has no per-function target attribute, so the loops are compiled twice and chosen here
/// once, from /proc/cpuinfo. Swift never fuses a multiply and an add on its own, so both
/// compilations perform the same IEEE operations in the same order: the same run gives the same
/// numbers, bit for bit, with either. The wider registers only mean fewer instructions: a W1
/// epoch (10 → 6 → 10 at batch 32), where the loops are nearly all the work, took about a fifth
/// less time with AVX-512 on the development machine.
///
/// `AESH_KERNELS=baseline` in the environment keeps the portable loops (to compare the two);
/// anything else lets the processor decide.
enum BatchKernelVariant: Sendable {
    case baseline
    #if canImport(BatchKernelsAVX512)
    case avx512
    #endif

    /// The variant this process runs.
    static let selected: BatchKernelVariant = {
        #if canImport(BatchKernelsAVX512)
        if ProcessInfo.processInfo.environment["AESH_KERNELS"] != "baseline", Processor.current.runsSkylakeAVX512Code {
            return .avx512
        }
        #endif
        return .baseline
    }()

    /// Every variant this processor can run, the portable one first (for tests that compare them).
    static var runnable: [BatchKernelVariant] {
        #if canImport(BatchKernelsAVX512)
        Processor.current.runsSkylakeAVX512Code ? [.baseline, .avx512] : [.baseline]
        #else
        [.baseline]
        #endif
    }

    /// The name the bench and the `about` output report.
    var name: String {
        switch self {
        case .baseline: "portable"
        #if canImport(BatchKernelsAVX512)
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
        case .avx512:
            // The two modules' TreeCell are the same declaration compiled twice: the same layout.
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
