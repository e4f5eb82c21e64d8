import Foundation
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

/// libFuzzer's driver, called from main so that SwiftPM's own entry point stays in charge.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argumentCount = CommandLine.argc
var arguments = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argumentCount, &arguments) { data, size in
    guard let data else { return 0 }
    return fuzzCSV(data, size)
})
