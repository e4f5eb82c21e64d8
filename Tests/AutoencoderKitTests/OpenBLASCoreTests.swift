import Foundation
import Testing
@testable import AutoencoderKit

/// The correction of OpenBLAS's kernel choice on processors it does not recognise.
@Suite struct OpenBLASCoreTests {
    static let avx512: Set<String> = ["sse3", "avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]

    @Test func aFallbackOnAnAVX512IntelProcessorBecomesSkylakeX() {
        #expect(OpenBLASCore.replacement(current: "Prescott", vendor: "GenuineIntel", flags: Self.avx512) == "SkylakeX")
        #expect(OpenBLASCore.replacement(current: "Sandybridge", vendor: "GenuineIntel", flags: Self.avx512) == "SkylakeX")
    }

    @Test func aFallbackOnAnAVX2ProcessorBecomesHaswell() {
        #expect(OpenBLASCore.replacement(current: "Prescott", vendor: "AuthenticAMD", flags: Self.avx512) == "Haswell")
        #expect(OpenBLASCore.replacement(current: "Nehalem", vendor: "GenuineIntel", flags: ["avx", "avx2", "fma"]) == "Haswell")
    }

    @Test func aRecognisedProcessorOrOneWithoutAVX2KeepsItsKernels() {
        for core in ["Haswell", "SkylakeX", "Zen", "Cooperlake", "SapphireRapids"] {
            #expect(OpenBLASCore.replacement(current: core, vendor: "GenuineIntel", flags: Self.avx512) == nil)
        }
        #expect(OpenBLASCore.replacement(current: "Prescott", vendor: "GenuineIntel", flags: ["sse3", "avx"]) == nil)
        #expect(OpenBLASCore.replacement(current: "Prescott", vendor: "GenuineIntel", flags: ["avx2"]) == nil)
    }

    @Test func cpuinfoGivesTheFirstProcessorsVendorAndFlags() {
        let text = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            flags\t\t: fpu sse3 avx2 fma
            bugs\t\t: spectre_v1

            processor\t: 1
            vendor_id\t: GenuineIntel
            flags\t\t: fpu
            """
        let processor = Processor(cpuinfo: text)
        #expect(processor.vendor == "GenuineIntel")
        #expect(processor.flags == ["fpu", "sse3", "avx2", "fma"])
        #expect(!processor.runsSkylakeAVX512Code)
        #expect(!processor.runsHaswellCode)
        #expect(Processor(cpuinfo: "garbage\n:\n").vendor.isEmpty)
    }

    /// Each compilation of the kernels is chosen only where the processor lists every extension
    /// its target may use: AVX2 alone is not enough for `-target-cpu haswell` (it also uses FMA,
    /// BMI, MOVBE…), and AVX-512 code needs all of Haswell's as well.
    @Test func kernelBuildsNeedEveryExtensionOfTheirTarget() {
        let haswell = Processor.haswellFlags.joined(separator: " ")
        func processor(_ flags: String) -> Processor { Processor(cpuinfo: "flags\t: fpu \(flags)\n") }
        #expect(processor(haswell).runsHaswellCode)
        #expect(!processor(haswell).runsSkylakeAVX512Code)
        #expect(!processor(haswell.replacingOccurrences(of: "movbe", with: "")).runsHaswellCode)
        let skylake = haswell + " " + Processor.avx512Flags.joined(separator: " ")
        #expect(processor(skylake).runsHaswellCode && processor(skylake).runsSkylakeAVX512Code)
        #expect(!processor(Processor.avx512Flags.joined(separator: " ")).runsSkylakeAVX512Code)
    }

    /// On this machine: a processor with AVX2 and FMA does not run pre-AVX2 kernels (unless the
    /// user chose them with OPENBLAS_CORETYPE).
    @Test func thisMachineRunsKernelsForItsProcessor() throws {
        let name = OpenBLASCore.name
        #expect(!name.isEmpty)
        let chosen = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"]
        guard chosen == nil || chosen == name else { return }
        if Processor.current.flags.isSuperset(of: ["avx2", "fma"]) {
            #expect(!OpenBLASCore.preAVX2Cores.contains(name.lowercased()), "OpenBLAS runs \(name)")
        }
    }
}
