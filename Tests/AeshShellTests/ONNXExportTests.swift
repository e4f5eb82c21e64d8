import Foundation
import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// `save FILE.onnx` checked by the real clients: the `onnx` package's checker and ONNX Runtime,
/// whose errors must match aesh's within 1e-5 relative (scripts/onnx/check.py).
@Suite struct ONNXExportTests {
    /// The data aesh scored, as CSV with its column names, for the checker to feed ONNX Runtime.
    static func writeFeatures(_ data: Dataset, to path: String) throws {
        var text = data.columnNames.joined(separator: ",") + "\n"
        for r in 0..<data.rowCount {
            text += data.features.row(r).map { "\($0)" }.joined(separator: ",") + "\n"
        }
        try AtomicFile.write(text, to: path)
    }

    static func check(model: String, features: String, scores: String) throws {
        let run = try PythonClients.run(script: "onnx/check.py", arguments: [model, features, scores])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("checker accepts"), "\(run.output)")
    }

    @Test(.enabled(if: PythonClients.shouldRun, PythonClients.skipReason))
    func theSeedModelScoresTheSameInONNXRuntime() throws {
        let harness = try ShellHarness()
        let failures = harness.run("""
            generate normal=10000 anomalies=1000 features=10 shift=5 seed=42
            split test=0.2 seed=42
            scale standard
            model 6 activation=relu output=sigmoid
            train epochs=20 batch=32 lr=0.001 seed=42
            errors on=all
            threshold 0.92
            save out/seed.onnx
            export out/scores.csv
            """)
        #expect(failures == 0, "\(harness.console.errors)")
        #expect(harness.console.output.contains("saved the model as ONNX (opset 13, 10 columns, standard scaling"))
        let data = try #require(harness.shell.session.data)
        try Self.writeFeatures(data, to: harness.folder + "/out/features.csv")
        try Self.check(model: harness.folder + "/out/seed.onnx", features: harness.folder + "/out/features.csv",
                       scores: harness.folder + "/out/scores.csv")
    }

    /// A seed ensemble (the default network, three networks): one subgraph per network, their
    /// errors averaged as aesh averages them.
    @Test(.enabled(if: PythonClients.shouldRun, PythonClients.skipReason))
    func anEnsembleScoresTheSameInONNXRuntime() throws {
        let harness = try ShellHarness()
        let failures = harness.run("""
            generate normal=2000 anomalies=200 features=8 shift=4 seed=3
            split test=0.2 seed=42
            train epochs=5 members=3 seed=3
            errors on=all
            threshold 0.92
            save out/ensemble.onnx
            export out/scores.csv
            """)
        #expect(failures == 0, "\(harness.console.errors)")
        #expect(harness.shell.session.model?.networks.count == 3)
        let data = try #require(harness.shell.session.data)
        try Self.writeFeatures(data, to: harness.folder + "/out/features.csv")
        try Self.check(model: harness.folder + "/out/ensemble.onnx", features: harness.folder + "/out/features.csv",
                       scores: harness.folder + "/out/scores.csv")
    }

    /// Five hidden layers that use every activation aesh has, with min-max scaling, written by the
    /// library directly (the shell's `model` gives all hidden layers one activation).
    @Test(.enabled(if: PythonClients.shouldRun, PythonClients.skipReason))
    func aDeeperModelWithEveryActivationScoresTheSameInONNXRuntime() throws {
        let harness = try ShellHarness()
        let data = try SyntheticData.generate(normal: 900, anomalies: 100, features: 7, shift: 3, seed: 7)
        var generator = SeededGenerator(seed: 11)
        var network = Autoencoder(inputSize: 7, hidden: [12, 8, 3, 8, 12], activation: .relu, output: .linear,
                                  generator: &generator)
        let activations: [Activation] = [.relu, .tanh, .sigmoid, .linear, .tanh, .sigmoid]
        #expect(Set(activations) == Set(Activation.allCases), "a new activation needs a layer here")
        for (index, activation) in activations.enumerated() {
            var layer = try #require(network.layers[index].dense)
            layer.activation = activation
            // Non-zero biases, so that the Gemm's bias input is checked too.
            layer.bias = (0..<layer.outputs).map { _ in Float(generator.nextUniform(in: -0.5, 0.5)) }
            network.layers[index] = .dense(layer)
        }
        let scaler = try FittedScaler.fit(.minmax, on: data.features)
        let errors = ReconstructionErrors.compute(model: network, data: scaler.transform(data.features))
        let threshold = Percentile.linear(errors.perRow, fraction: 0.9) ?? 0
        var scores = "row,error,predicted\n"
        for (row, error) in errors.perRow.enumerated() { scores += "\(row),\(error),\(error > threshold ? 1 : 0)\n" }
        try harness.write("scores.csv", scores)
        try Self.writeFeatures(data, to: harness.folder + "/features.csv")
        try ONNXExport.write(to: harness.folder + "/deep.onnx", columns: data.columnNames, labelName: "label",
                             scaler: scaler, layers: network.layers.map(ONNXExport.denseLayer), threshold: threshold, producerVersion: aeshVersion)
        try Self.check(model: harness.folder + "/deep.onnx", features: harness.folder + "/features.csv",
                       scores: harness.folder + "/scores.csv")
    }

    @Test func savingONNXWithoutAThresholdSaysWhatIsMissing() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=50 anomalies=5 features=3 seed=1\nmodel 2\ntrain epochs=1 seed=1") == 0)
        let before = harness.fingerprint
        #expect(!harness.execute("save out/m.onnx"))
        #expect(harness.console.errors.contains("no threshold yet: choose one with `threshold` before `save out/m.onnx`"))
        #expect(!FileManager.default.fileExists(atPath: harness.folder + "/out/m.onnx"))
        #expect(harness.fingerprint == before)
    }
}
