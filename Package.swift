// swift-tools-version:6.2
import PackageDescription

// Tools version 6.2: from it on SwiftPM accepts the kernels' unsafe flags in a package that others
// depend on by version (6.0 refused "contains unsafe build flags"); scripts/test-consumer.sh checks.

// The hot loops (Sources/BatchKernels: the small layers' batch loops and t-SNE's forces) are
// compiled for any processor and, on x86-64, twice more from the same files (BatchKernelsAVX2 and
// BatchKernelsAVX512 are links to that directory) for processors with AVX2 and with AVX-512, which
// AutoencoderKit chooses between at run time: Swift has no per-function target attribute. See
// BatchKernelVariant.swift. BatchKernelInterface declares what every compilation provides (the
// BatchKernelSet protocol, and the types they share: KernelActivation, TreeCell).
// All three are optimised in debug builds too: their generic SIMD code is otherwise not specialised,
// and the tests run these loops (the debug test suite's t-SNE runs took minutes instead of seconds).
let optimisedInDebug = SwiftSetting.unsafeFlags(["-O"], .when(configuration: .debug))
#if arch(x86_64)
let batchKernelVariants: [Target] = [
    .target(name: "BatchKernelsAVX2", dependencies: ["BatchKernelInterface"], swiftSettings: [.unsafeFlags(["-target-cpu", "haswell", "-Xcc", "-fno-math-errno"]), optimisedInDebug]),
    .target(name: "BatchKernelsAVX512", dependencies: ["BatchKernelInterface"], swiftSettings: [.unsafeFlags(["-target-cpu", "skylake-avx512", "-Xcc", "-fno-math-errno"]), optimisedInDebug]),
]
#else
let batchKernelVariants: [Target] = []
#endif

let package = Package(
    name: "aesh",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "aesh", targets: ["aesh"]),
        .library(name: "AutoencoderKit", targets: ["AutoencoderKit"]),
        .library(name: "AeshShell", targets: ["AeshShell"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Markdown of prose cells, for reports (AeshShell only; the library never renders text).
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        // SQLite for the run log, aesh-runs.sqlite (AeshShell only; links the system's libsqlite3).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .target(name: "BatchKernelInterface"),
        .target(name: "BatchKernels", dependencies: ["BatchKernelInterface"], swiftSettings: [.unsafeFlags(["-Xcc", "-fno-math-errno"]), optimisedInDebug]),
        .target(name: "AutoencoderKit", dependencies: ["CBLAS", "BatchKernelInterface", "BatchKernels"] + batchKernelVariants.map { .target(name: $0.name) }),
        .target(name: "AeshShell", dependencies: ["AutoencoderKit", "CReadline", .product(name: "Ink", package: "Ink"),
                                                       .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "aesh",
            dependencies: ["AeshShell", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "BatchKernelsTests", dependencies: ["BatchKernelInterface", "BatchKernels", "AutoencoderKit"]),
        .testTarget(name: "AutoencoderKitTests", dependencies: ["AutoencoderKit"]),
        .testTarget(name: "AeshShellTests", dependencies: ["AeshShell", "AutoencoderKit", .product(name: "GRDB", package: "GRDB.swift")]),
    ] + batchKernelVariants,
    swiftLanguageModes: [.v5]
)
