import CBLAS
import Foundation

/// Which of OpenBLAS's kernel sets (its "core") does the arithmetic, and the correction for a
/// processor that OpenBLAS does not recognise.
///
/// Debian's OpenBLAS is built for every x86-64 generation and picks the kernels when it loads,
/// from the processor's model number. A model newer than the library (OpenBLAS 0.3.21 and Intel's
/// Xeon family 6 model 207, for one) falls back to the Prescott kernels, which use 128-bit SSE3:
/// on such a machine sgemm reached 27 GFLOP/s on one thread where the SkylakeX kernels, which the
/// same processor runs, reached 131. So before the first product, when the user has not chosen a
/// core with OPENBLAS_CORETYPE and OpenBLAS runs pre-AVX2 kernels on a processor with AVX2 and FMA,
/// the kernel set is chosen again as OPENBLAS_CORETYPE would have chosen it at load time:
/// SkylakeX on an Intel processor with AVX-512 (F, CD, BW, DQ, VL), Haswell otherwise.
public enum OpenBLASCore {
    /// OpenBLAS's kernel sets that use neither AVX2 nor FMA: the ones a processor with both should
    /// not be left on.
    static let preAVX2Cores: Set<String> = [
        "prescott", "core2", "penryn", "dunnington", "nehalem", "atom", "sandybridge", "katmai",
        "coppermine", "northwood", "banias", "athlon", "opteron", "opteron_sse3", "barcelona",
        "bobcat", "bulldozer", "piledriver", "steamroller", "excavator", "nano", "unknown",
    ]

    /// The core to switch to, or nil to keep `current`: see the type's description.
    /// `vendor` is /proc/cpuinfo's vendor_id and `flags` its flags.
    static func replacement(current: String, vendor: String, flags: Set<String>) -> String? {
        guard preAVX2Cores.contains(current.lowercased()), flags.isSuperset(of: ["avx2", "fma"]) else { return nil }
        return vendor == "GenuineIntel" && flags.isSuperset(of: Processor.avx512Flags) ? "SkylakeX" : "Haswell"
    }

    /// The kernel set in use once `ensureSuitable` has run, as OpenBLAS names it.
    public static var name: String {
        ensureSuitable
        return openblas_get_corename().map { String(cString: $0) } ?? "unknown"
    }

    /// Chooses the kernels again where the type's description says so; runs once, before the
    /// first product. A library without OpenBLAS's run-time kernel choice is left as it is.
    static let ensureSuitable: Void = {
        guard ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
              let current = openblas_get_corename().map({ String(cString: $0) }) else { return }
        let processor = Processor.current
        guard let core = replacement(current: current, vendor: processor.vendor, flags: processor.flags),
              let library = dlopen(nil, RTLD_NOW),
              let quit = dlsym(library, "gotoblas_dynamic_quit"),
              let reload = dlsym(library, "gotoblas_dynamic_init") else { return }
        typealias Hook = @convention(c) () -> Void
        // OpenBLAS reads OPENBLAS_CORETYPE when it chooses its kernels; setting it also hands the
        // same choice to any child process that uses OpenBLAS.
        setenv("OPENBLAS_CORETYPE", core, 1)
        unsafeBitCast(quit, to: Hook.self)()
        unsafeBitCast(reload, to: Hook.self)()
    }()
}
