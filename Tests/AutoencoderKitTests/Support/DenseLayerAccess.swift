@testable import AutoencoderKit

/// The tests build and edit networks of dense layers: these read and write a `NetworkLayer`'s
/// dense fields directly (a test that reaches one on another kind of layer traps, and fails).
extension NetworkLayer {
    private var denseLayer: DenseLayer {
        get {
            guard case .dense(let layer) = self else { preconditionFailure("not a dense layer") }
            return layer
        }
        set { self = .dense(newValue) }
    }

    var weights: [Float] {
        get { denseLayer.weights }
        set { denseLayer.weights = newValue }
    }

    var bias: [Float] {
        get { denseLayer.bias }
        set { denseLayer.bias = newValue }
    }

    var activation: Activation { denseLayer.activation }

    var inputs: Int {
        get { denseLayer.inputs }
        set { denseLayer.inputs = newValue }
    }
}

/// Test access to what a layer's kernel decided.
extension AnyLayerKernel {
    private var denseKernel: DenseKernel {
        guard case .dense(let kernel) = self else { preconditionFailure("not a dense kernel") }
        return kernel
    }

    var usesBLAS: Bool { denseKernel.usesBLAS }
    var loops: BatchKernelVariant { denseKernel.loops }
}
