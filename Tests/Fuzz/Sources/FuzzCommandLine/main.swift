import AeshShell
import Foundation
import FuzzDriver

/// One fuzz input: any bytes as a script. Every line is parsed and its arguments checked against
/// the command it names; commands that touch no files and finish quickly are also run on a
/// session holding a tiny data set, so their argument handling runs for real.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let lines = try? Shell.parseScript(bytes, name: "fuzz.aesh") else { return 0 }
    let shell = Shell(console: BufferConsole())
    shell.execute("generate normal=40 anomalies=4 features=3 seed=1")
    let safe: Set<String> = ["split", "scale", "model", "threshold", "set", "describe", "show", "help", "explain", "errors", "evaluate"]
    for line in lines.prefix(16) {
        guard let invocation = try? Invocation.parse(line.text), let spec = shell.command(named: invocation.name) else { continue }
        guard (try? Arguments(invocation, spec: spec)) != nil else { continue }
        if safe.contains(spec.name) { shell.execute(line.text) }
    }
    return 0
}

runLibFuzzer { data, size in
    guard let data else { return 0 }
    return fuzzCommandLine(data, size)
}
