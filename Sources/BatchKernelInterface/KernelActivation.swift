/// A layer's non-linearity as the batch loops see it: the same four as AutoencoderKit's
/// `Activation`. Each compilation of the loops (BatchKernels and its AVX2 and AVX-512 builds)
/// adds the arithmetic itself, compiled for its processor.
public enum KernelActivation: Sendable {
    case relu, sigmoid, tanh, linear
}
