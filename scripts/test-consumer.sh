#!/usr/bin/env bash
# Checks that another Swift package can depend on AutoencoderKit the usual way: a copy of this
# package's tracked files is committed and tagged in a temporary git repository, and a small
# consumer package that names it by that local URL with `from:` builds and trains a model with it.
# SwiftPM refuses a versioned dependency whose targets it finds unsafe; this is what would catch it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/aesh"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -d -t "$work/aesh")
git -C "$work/aesh" init -q
git -C "$work/aesh" add -A
git -C "$work/aesh" -c user.name=consumer-test -c user.email=consumer@test commit -qm snapshot
git -C "$work/aesh" tag 9.9.9

mkdir -p "$work/consumer/Sources/consumer"
cat > "$work/consumer/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "consumer",
    dependencies: [.package(url: "file://$work/aesh", from: "9.9.0")],
    targets: [.executableTarget(name: "consumer", dependencies: [.product(name: "AutoencoderKit", package: "aesh")])]
)
SWIFT
cat > "$work/consumer/Sources/consumer/main.swift" <<'SWIFT'
import AutoencoderKit

// Ten rows on a line and one far off it: the autoencoder learns the line and the outlier
// reconstructs worst.
var generator = SeededGenerator(seed: 7)
var values: [Float] = []
for i in 0..<200 { let t = Float(i % 10) / 10; values += [t, 2 * t, -t] }
let data = Matrix(rows: 200, columns: 3, values: values)!
let network = Autoencoder(inputSize: 3, hidden: [1], activation: .linear, output: .linear, generator: &generator)
let result = try Trainer.train(network, on: data, options: TrainingOptions(epochs: 200, batchSize: 16, learningRate: 0.01, seed: 7))
let probe = Matrix(rows: 2, columns: 3, values: [0.5, 1.0, -0.5, 3, -3, 3])!
let errors = ReconstructionErrors.compute(model: result.model, data: probe).perRow
print(errors[1] > 10 * errors[0] ? "consumer: outlier found" : "consumer: outlier missed \(errors)")
SWIFT
cd "$work/consumer"
swift build -q 2>&1 | grep -v -E '^\[[0-9]+/[0-9]+\]' || true
output="$(SWIFT_BACKTRACE=enable=no swift run -q consumer)"
echo "$output"
[[ "$output" == "consumer: outlier found" ]]
