// swift-tools-version:6.0
import PackageDescription

// The batch loops of the small layers (Sources/BatchKernels) are compiled for any processor and,
// on x86-64, a second time from the same files (BatchKernelsAVX512 is a link to that directory)
// for processors with AVX-512, which AutoencoderKit chooses between at run time: Swift has no
// per-function target attribute. See BatchKernelVariant.swift.
// Both are optimised in debug builds too: their generic SIMD code is otherwise not specialised, and
// the tests run these loops (a debug t-SNE of the seed's 2,000 rows took minutes instead of seconds).
let optimisedInDebug = SwiftSetting.unsafeFlags(["-O"], .when(configuration: .debug))
#if arch(x86_64)
let batchKernelVariants: [Target] = [
    .target(name: "BatchKernelsAVX512", swiftSettings: [.unsafeFlags(["-target-cpu", "skylake-avx512", "-Xcc", "-fno-math-errno"]), optimisedInDebug]),
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
    ],
    targets: [
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .target(name: "BatchKernels", swiftSettings: [.unsafeFlags(["-Xcc", "-fno-math-errno"]), optimisedInDebug]),
        .target(name: "AutoencoderKit", dependencies: ["CBLAS", "BatchKernels"] + batchKernelVariants.map { .target(name: $0.name) }),
        .target(name: "AeshShell", dependencies: ["AutoencoderKit", "CReadline"]),
        .executableTarget(
            name: "aesh",
            dependencies: ["AeshShell", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "BatchKernelsTests", dependencies: ["BatchKernels", "AutoencoderKit"]),
        .testTarget(name: "AutoencoderKitTests", dependencies: ["AutoencoderKit"]),
        .testTarget(name: "AeshShellTests", dependencies: ["AeshShell", "AutoencoderKit"]),
    ] + batchKernelVariants,
    swiftLanguageModes: [.v5]
)
