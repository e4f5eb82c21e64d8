import Foundation
import FuzzDriver
import AutoencoderKit

/// One fuzz input: any bytes as a CSV (with and without a label column) and as a .npy file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? TableReader.parseCSV(bytes, source: "fuzz.csv", options: TableReadOptions())
    _ = try? TableReader.parseCSV(bytes, source: "fuzz.csv", options: TableReadOptions(labelColumn: "label", dropMissing: true))
    _ = try? TableReader.parseNpy(bytes, source: "fuzz.npy", options: TableReadOptions())
    return 0
}

runLibFuzzer { data, size in
    guard let data else { return 0 }
    return fuzzCSV(data, size)
}
