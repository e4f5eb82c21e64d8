/// The batch loops and t-SNE forces that one compilation of Sources/BatchKernels provides.
///
/// The same sources are compiled once for any processor and, on x86-64, again for AVX2 and for
/// AVX-512 (see Package.swift); each compilation conforms once, in its `Kernels`, and AutoencoderKit
/// picks one at run time (`BatchKernelVariant`). Every compilation performs the same IEEE
/// operations in the same order, so each requirement gives the same bits whichever runs.
public protocol BatchKernelSet: Sendable {
    /// `LayerLoops.forward`: y = act(x · W + b) with plain loops.
    static func forward(
        x: UnsafePointer<Float>, stride: Int, rows: Int, inputs: Int, outputs: Int,
        weights: UnsafePointer<Float>, bias: UnsafePointer<Float>, activation: KernelActivation,
        y: UnsafeMutablePointer<Float>)

    /// `LayerLoops.addBiasAndActivate`: the rest of the forward pass after sgemm.
    static func addBiasAndActivate(
        y: UnsafeMutablePointer<Float>, stride: Int, rows: Int, outputs: Int,
        bias: UnsafePointer<Float>, activation: KernelActivation)

    /// `LayerLoops.activationGradient`: dL/dz from dL/dy, and the bias gradient.
    static func activationGradient(
        dy: UnsafeMutablePointer<Float>, y: UnsafePointer<Float>, stride: Int, rows: Int, outputs: Int,
        activation: KernelActivation, db: UnsafeMutablePointer<Float>)

    /// `LayerLoops.backward`: dW and dL/dx of a small layer with plain loops.
    static func backward(
        x: UnsafePointer<Float>, dz: UnsafePointer<Float>, stride: Int, rows: Int, inputs: Int, outputs: Int,
        weights: UnsafePointer<Float>, dW: UnsafeMutablePointer<Float>, dx: UnsafeMutablePointer<Float>?)

    /// `RowLoops.gather` of the rows named by `indices`.
    static func gather(
        from data: UnsafePointer<Float>, width: Int, indices: UnsafePointer<Int>, count: Int,
        into x: UnsafeMutablePointer<Float>, stride: Int)

    /// `RowLoops.gather` of consecutive rows.
    static func gather(
        from data: UnsafePointer<Float>, width: Int, firstRow: Int, count: Int,
        into x: UnsafeMutablePointer<Float>, stride: Int)

    /// `RowLoops.squaredError`: Σ (y − x)², and optionally its gradient.
    static func squaredError(
        y: UnsafePointer<Float>, x: UnsafePointer<Float>, stride: Int, rows: Int, width: Int,
        gradient: UnsafeMutablePointer<Float>?, scale: Float) -> Double

    /// `RowLoops.add`: target += source.
    static func add(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int)

    /// `RowLoops.sumOfSquares`: Σ v² in Double.
    static func sumOfSquares(_ values: UnsafePointer<Float>, count: Int) -> Double

    /// `AdamLoop.apply`: one Adam step over a run of parameters; whether every update is finite.
    static func adam(
        alpha: Float, keep1: Float, keep2: Float, epsilon: Float,
        parameters: UnsafePointer<Float>, gradients: UnsafePointer<Float>,
        m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
        updated: UnsafeMutablePointer<Float>, count: Int) -> Bool

    /// `AttractionLoops.forces`: t-SNE's attraction over the sparse P for the rows `range`;
    /// their part of Σ p log(p / w) when `klPart`.
    static func attraction(
        _ range: Range<Int>, rowStart: UnsafePointer<Int>, columns: UnsafePointer<Int>, values: UnsafePointer<Double>,
        y: UnsafePointer<Double>, dimensions: Int, klPart: Bool, into attraction: UnsafeMutablePointer<Double>) -> Double

    /// `RepulsionLoops.forces`: Barnes–Hut's repulsion for `points[range]`; their part of Z.
    static func repulsion(
        _ range: Range<Int>, y: UnsafePointer<Double>, dimensions: Int,
        cells: UnsafePointer<TreeCell>, points: UnsafePointer<Int32>, maximumDepth: Int,
        thetaSquared: Double, into repulsion: UnsafeMutablePointer<Double>) -> Double
}
