// swift-tools-version:6.0
// libFuzzer targets for aesh's parsers. Built and run by scripts/fuzz.sh with
// `-sanitize=fuzzer,address`; not part of the main build or the test suite.
import PackageDescription

let package = Package(
    name: "aesh-fuzz",
    dependencies: [.package(name: "aesh", path: "../..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzCommandLine", dependencies: ["FuzzDriver", .product(name: "AeshShell", package: "aesh")]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzDriver", .product(name: "AutoencoderKit", package: "aesh")]),
        .executableTarget(name: "FuzzModelFile", dependencies: ["FuzzDriver", .product(name: "AutoencoderKit", package: "aesh")]),
        .executableTarget(name: "FuzzScoreStream", dependencies: ["FuzzDriver", .product(name: "AutoencoderKit", package: "aesh")]),
    ],
    swiftLanguageModes: [.v5]
)
