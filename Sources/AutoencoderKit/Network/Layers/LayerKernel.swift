/// The arithmetic of one layer over a batch in raw, feature-major buffers (see `DenseKernel`
/// for the layout), made once per layer when a forward pass is set up.
protocol LayerKernel {
    /// y = layer(x) for the first `rows` rows. x: inputs × stride, y: outputs × stride,
    /// parameters: the layer's slice of the flat parameter vector.
    func forward(x: UnsafePointer<Float>, rows: Int, parameters: UnsafePointer<Float>,
                 y: UnsafeMutablePointer<Float>, mode: LayerMode)
    /// From dL/dy (in `dy`, which the kernel may overwrite) to the parameters' gradients (their
    /// slice of the flat gradient vector, overwritten) and, when `dx` is given, dL/dx.
    func backward(x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>, rows: Int,
                  parameters: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?)
}

/// The kernel of each kind of layer, chosen by a `switch` once per layer and batch: no dynamic
/// dispatch, and the dense case calls straight into its loops or sgemm.
enum AnyLayerKernel: LayerKernel {
    case dense(DenseKernel)

    /// The kernel for `layer` over batches of up to `capacity` rows laid out with `stride`.
    init(_ layer: NetworkLayer, capacity: Int, stride: Int, blasThreshold: Int, loops: BatchKernelVariant) {
        switch layer {
        case .dense(let dense):
            self = .dense(DenseKernel(inputs: dense.inputs, outputs: dense.outputs, activation: dense.activation,
                                      capacity: capacity, stride: stride, blasThreshold: blasThreshold, loops: loops))
        }
    }

    @inline(__always)
    func forward(x: UnsafePointer<Float>, rows: Int, parameters: UnsafePointer<Float>,
                 y: UnsafeMutablePointer<Float>, mode: LayerMode) {
        switch self {
        case .dense(let kernel): kernel.forward(x: x, rows: rows, parameters: parameters, y: y, mode: mode)
        }
    }

    @inline(__always)
    func backward(x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>, rows: Int,
                  parameters: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?) {
        switch self {
        case .dense(let kernel):
            kernel.backward(x: x, y: y, dy: dy, rows: rows, parameters: parameters, gradients: gradients, dx: dx)
        }
    }
}
