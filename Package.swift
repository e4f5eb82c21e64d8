// swift-tools-version:6.0
import PackageDescription

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
        .target(name: "AutoencoderKit", dependencies: ["CBLAS"]),
        .target(name: "AeshShell", dependencies: ["AutoencoderKit", "CReadline"]),
        .executableTarget(
            name: "aesh",
            dependencies: ["AeshShell", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "AutoencoderKitTests", dependencies: ["AutoencoderKit"]),
        .testTarget(name: "AeshShellTests", dependencies: ["AeshShell", "AutoencoderKit"]),
    ],
    swiftLanguageModes: [.v5]
)
