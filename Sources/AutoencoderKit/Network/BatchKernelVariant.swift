import BatchKernelInterface
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
/// `-target-cpu skylake-avx512` (see Package.swift). Each compilation conforms to
/// `BatchKernelSet` in its `Kernels`; callers go through `kernels`.
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
struct BatchKernelVariant: Sendable, Equatable {
    /// The name the bench and the `about` output report.
    let name: String
    /// The compilation's loops.
    let kernels: any BatchKernelSet.Type

    static func == (a: Self, b: Self) -> Bool { a.name == b.name }

    /// The portable compilation, which runs on any processor of the architecture.
    static let baseline = BatchKernelVariant(name: "portable", kernels: BatchKernels.Kernels.self)
    #if canImport(BatchKernelsAVX512)
    /// The compilation for processors with AVX2 and FMA (Haswell and later, Zen).
    static let avx2 = BatchKernelVariant(name: "AVX2", kernels: BatchKernelsAVX2.Kernels.self)
    /// The compilation for processors with AVX-512 (Skylake-X and later, Zen 4).
    static let avx512 = BatchKernelVariant(name: "AVX-512", kernels: BatchKernelsAVX512.Kernels.self)
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
}

extension Activation {
    /// The activation as the batch loops name it.
    var kernel: KernelActivation {
        switch self {
        case .relu: .relu
        case .sigmoid: .sigmoid
        case .tanh: .tanh
        case .linear: .linear
        }
    }
}
