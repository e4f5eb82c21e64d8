import Foundation
import Testing

/// The Python of the virtualenv that scripts/test.sh makes with `onnx` and `onnxruntime`
/// (`.venv-test/`, or `AESH_TEST_PYTHON`), and a way to run a checker script with it.
///
/// scripts/test.sh sets `AESH_REQUIRE_PYTHON_CLIENTS=1`: then a missing Python is a failure, so CI
/// never passes without running the real clients. A plain `swift test` without the virtualenv
/// skips those tests, saying why.
enum PythonClients {
    static var python: String {
        ProcessInfo.processInfo.environment["AESH_TEST_PYTHON"] ?? ShellHarness.repositoryRoot + "/.venv-test/bin/python"
    }

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: python) }

    static var isRequired: Bool { ProcessInfo.processInfo.environment["AESH_REQUIRE_PYTHON_CLIENTS"] == "1" }

    /// Whether tests that need the clients should run (they fail inside when required but missing).
    static var shouldRun: Bool { isAvailable || isRequired }

    static let skipReason: Comment = "no .venv-test/bin/python with onnx and onnxruntime: run scripts/test.sh once to make it"

    /// Runs `scripts/<script>` with the virtualenv's Python; returns its exit status and output.
    static func run(script: String, arguments: [String]) throws -> (status: Int32, output: String) {
        guard isAvailable else {
            throw PythonClientsError(message: "\(python) does not exist; scripts/test.sh makes it (pip install onnx onnxruntime)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [ShellHarness.repositoryRoot + "/scripts/" + script] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_NUM_THREADS"] = "1"
        process.environment = environment
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}

struct PythonClientsError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
