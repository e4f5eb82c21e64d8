import Foundation

/// The processor's vendor and instruction-set flags, as Linux lists them in /proc/cpuinfo (the
/// kernel leaves out a feature whose registers it does not save, such as AVX-512 on a system
/// that has not enabled it). Elsewhere, or when the file cannot be read, both are empty.
struct Processor: Sendable {
    /// `vendor_id`, such as GenuineIntel or AuthenticAMD.
    let vendor: String
    let flags: Set<String>

    /// The first processor's vendor and flags in /proc/cpuinfo's text.
    init(cpuinfo: String) {
        var vendor = "", flags: Set<String> = []
        for line in cpuinfo.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            if key == "vendor_id", vendor.isEmpty { vendor = parts[1].trimmingCharacters(in: .whitespaces) }
            if key == "flags", flags.isEmpty { flags = Set(parts[1].split(separator: " ").map(String.init)) }
            if !vendor.isEmpty, !flags.isEmpty { break }
        }
        self.vendor = vendor
        self.flags = flags
    }

    /// This machine's processor, read once.
    static let current = Processor(cpuinfo: (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "")

    /// The AVX-512 subsets of Intel's Skylake server processors, which OpenBLAS's SkylakeX
    /// kernels need.
    static let avx512Flags: Set<String> = ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]

    /// Every instruction-set extension that code compiled for `-target-cpu haswell` may contain in
    /// floating-point and integer loops: AVX2 and FMA, the SSE generations before them, the
    /// bit-manipulation sets, MOVBE, POPCNT and F16C.
    static let haswellFlags: Set<String> = ["ssse3", "sse4_1", "sse4_2", "avx", "avx2", "fma", "bmi1", "bmi2", "abm",
                                            "movbe", "popcnt", "f16c"]

    /// The same for `-target-cpu skylake-avx512`: the AVX-512 subsets above and all of Haswell's.
    static let skylakeAVX512Flags = avx512Flags.union(haswellFlags)

    /// Whether code compiled for `-target-cpu haswell` runs here.
    var runsHaswellCode: Bool { flags.isSuperset(of: Self.haswellFlags) }

    /// Whether code compiled for `-target-cpu skylake-avx512` runs here.
    var runsSkylakeAVX512Code: Bool { flags.isSuperset(of: Self.skylakeAVX512Flags) }
}
