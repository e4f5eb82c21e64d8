// Scoring throughput with a trained model, from memory: rows per second of
// ReconstructionErrors.compute (forward pass plus per-row MSE), the part of `errors` that scales
// with the data (the command's summary and top-rows sort are left out).
// Built by scripts/bench.sh against the release build's AutoencoderKit module.
//   score MODEL.aemodel [ROWS] [REPEATS]   prints one rows/second figure per repeat
//   score --blas-core                      prints the OpenBLAS kernel set AutoencoderKit uses
//   score --batch-loops                    prints which compilation of its batch loops it runs
import AutoencoderKit
import Foundation

let arguments = CommandLine.arguments
if arguments.dropFirst().first == "--blas-core" {
    print(OpenBLASCore.name)  // the sgemm kernels AutoencoderKit runs on this machine
    exit(0)
}
if arguments.dropFirst().first == "--batch-loops" {
    print(BatchLoops.name)
    exit(0)
}
guard arguments.count >= 2 else {
    FileHandle.standardError.write("usage: score MODEL.aemodel [ROWS] [REPEATS]\n".data(using: .utf8) ?? Data())
    exit(2)
}
let rows = arguments.count > 2 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000
let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
do {
    let file = try ModelFile.read(path: arguments[1])
    let width = file.network.inputSize
    var generator = SeededGenerator(seed: 7)
    var values = [Float](repeating: 0, count: rows * width)
    for i in values.indices { values[i] = Float(generator.nextNormal()) }
    guard let data = Matrix(rows: rows, columns: width, values: values) else { exit(1) }
    _ = ReconstructionErrors.compute(model: file.network, data: data)  // warm-up
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        let errors = ReconstructionErrors.compute(model: file.network, data: data)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard errors.perRow.count == rows else { exit(1) }
        print(String(format: "%.0f", Double(rows) / seconds))
    }
} catch {
    FileHandle.standardError.write("\(error)\n".data(using: .utf8) ?? Data())
    exit(1)
}
