import AutoencoderKit
import Foundation
import FuzzDriver

/// One fuzz input: any bytes as a model file; a file that is accepted must also score a row.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let model = try? ModelFile.decode(bytes, path: "fuzz.aemodel") else { return 0 }
    let inputs = model.network.inputSize
    guard inputs > 0, inputs <= 4096, model.network.parameterCount <= 1_000_000 else { return 0 }
    var row = Matrix(rows: 1, columns: inputs)
    if let scaler = model.scaler { row = scaler.transform(row) }
    _ = ReconstructionErrors.compute(model: model.network, data: row)
    _ = model.network.encode(row)
    return 0
}

runLibFuzzer { data, size in
    guard let data else { return 0 }
    return fuzzModelFile(data, size)
}
