import BatchKernelInterface

/// This compilation's loops as a `BatchKernelSet`: the one place each compilation (portable, AVX2,
/// AVX-512; the same file compiled three times) says which of its loops meets each requirement.
public enum Kernels: BatchKernelSet {
    public static func forward(
        x: UnsafePointer<Float>, stride: Int, rows: Int, inputs: Int, outputs: Int,
        weights: UnsafePointer<Float>, bias: UnsafePointer<Float>, activation: KernelActivation,
        y: UnsafeMutablePointer<Float>
    ) {
        LayerLoops.forward(x: x, stride: stride, rows: rows, inputs: inputs, outputs: outputs,
                           weights: weights, bias: bias, activation: activation, y: y)
    }

    public static func addBiasAndActivate(
        y: UnsafeMutablePointer<Float>, stride: Int, rows: Int, outputs: Int,
        bias: UnsafePointer<Float>, activation: KernelActivation
    ) {
        LayerLoops.addBiasAndActivate(y: y, stride: stride, rows: rows, outputs: outputs, bias: bias, activation: activation)
    }

    public static func activationGradient(
        dy: UnsafeMutablePointer<Float>, y: UnsafePointer<Float>, stride: Int, rows: Int, outputs: Int,
        activation: KernelActivation, db: UnsafeMutablePointer<Float>
    ) {
        LayerLoops.activationGradient(dy: dy, y: y, stride: stride, rows: rows, outputs: outputs, activation: activation, db: db)
    }

    public static func backward(
        x: UnsafePointer<Float>, dz: UnsafePointer<Float>, stride: Int, rows: Int, inputs: Int, outputs: Int,
        weights: UnsafePointer<Float>, dW: UnsafeMutablePointer<Float>, dx: UnsafeMutablePointer<Float>?
    ) {
        LayerLoops.backward(x: x, dz: dz, stride: stride, rows: rows, inputs: inputs, outputs: outputs,
                            weights: weights, dW: dW, dx: dx)
    }

    public static func gather(
        from data: UnsafePointer<Float>, width: Int, indices: UnsafePointer<Int>, count: Int,
        into x: UnsafeMutablePointer<Float>, stride: Int
    ) {
        RowLoops.gather(from: data, width: width, indices: indices, count: count, into: x, stride: stride)
    }

    public static func gather(
        from data: UnsafePointer<Float>, width: Int, firstRow: Int, count: Int,
        into x: UnsafeMutablePointer<Float>, stride: Int
    ) {
        RowLoops.gather(from: data, width: width, firstRow: firstRow, count: count, into: x, stride: stride)
    }

    public static func squaredError(
        y: UnsafePointer<Float>, x: UnsafePointer<Float>, stride: Int, rows: Int, width: Int,
        gradient: UnsafeMutablePointer<Float>?, scale: Float
    ) -> Double {
        RowLoops.squaredError(y: y, x: x, stride: stride, rows: rows, width: width, gradient: gradient, scale: scale)
    }

    public static func add(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
        RowLoops.add(source, into: target, count: count)
    }

    public static func sumOfSquares(_ values: UnsafePointer<Float>, count: Int) -> Double {
        RowLoops.sumOfSquares(values, count: count)
    }

    public static func adam(
        alpha: Float, keep1: Float, keep2: Float, epsilon: Float,
        parameters: UnsafePointer<Float>, gradients: UnsafePointer<Float>,
        m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
        updated: UnsafeMutablePointer<Float>, count: Int
    ) -> Bool {
        AdamLoop.apply(alpha: alpha, keep1: keep1, keep2: keep2, epsilon: epsilon, parameters: parameters,
                       gradients: gradients, m: m, v: v, updated: updated, count: count)
    }

    public static func attraction(
        _ range: Range<Int>, rowStart: UnsafePointer<Int>, columns: UnsafePointer<Int>, values: UnsafePointer<Double>,
        y: UnsafePointer<Double>, dimensions: Int, klPart: Bool, into attraction: UnsafeMutablePointer<Double>
    ) -> Double {
        AttractionLoops.forces(range, rowStart: rowStart, columns: columns, values: values, y: y,
                               dimensions: dimensions, klPart: klPart, into: attraction)
    }

    public static func repulsion(
        _ range: Range<Int>, y: UnsafePointer<Double>, dimensions: Int,
        cells: UnsafePointer<TreeCell>, points: UnsafePointer<Int32>, maximumDepth: Int,
        thetaSquared: Double, into repulsion: UnsafeMutablePointer<Double>
    ) -> Double {
        RepulsionLoops.forces(range, y: y, dimensions: dimensions, cells: cells, points: points,
                              maximumDepth: maximumDepth, thetaSquared: thetaSquared, into: repulsion)
    }
}
