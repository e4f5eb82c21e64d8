import AutoencoderKit
import Foundation
import FuzzDriver

/// A small model on the columns a, b and c, with a label column `label`, an id column `key`, a
/// standard scaler and a threshold.
let fuzzModel: AnomalyModel = {
    var generator = SeededGenerator(seed: 7)
    let network = Autoencoder(inputSize: 3, hidden: [2], activation: .relu, output: .linear, generator: &generator)
    let rows = Matrix(rows: 4, columns: 3, values: [0, 1, 2, 1, 0, 3, 2, 2, 1, 3, 1, 0]) ?? Matrix(rows: 0, columns: 3)
    let scaler = try? FittedScaler.fit(.standard, on: rows)
    return AnomalyModel(columns: ["a", "b", "c"], labelName: "label", idName: "key", scaler: scaler, network: network,
                        threshold: ModelThreshold(rule: .value(0.5), value: 0.5))
}()

/// What one scoring of `text` gave: its output, the bad rows it skipped, and the error it stopped with.
struct Outcome: Equatable {
    var output: [UInt8] = []
    var skipped: [String] = []
    var error: String?
}

/// Scores `text` handing the scorer `chunk` new bytes per call (all of them when 0), as
/// ScoreStream does: each call gets the unused rest of the previous one followed by new bytes.
func score(_ text: [UInt8], chunk: Int, skipBadRows: Bool) -> Outcome {
    var scorer = StreamingScorer(model: fuzzModel, source: "fuzz.csv", skipBadRows: skipBadRows)
    var outcome = Outcome()
    var pending: [UInt8] = []
    var offset = 0
    do {
        while true {
            let step = chunk == 0 ? text.count : chunk
            let next = min(text.count, offset + step)
            pending.append(contentsOf: text[offset..<next])
            offset = next
            let isFinal = offset == text.count
            let used = try pending.withUnsafeBufferPointer { bytes in
                try scorer.consume(bytes, isFinal: isFinal, output: &outcome.output,
                                   skipped: { outcome.skipped.append($0.description) })
            }
            precondition(used >= 0 && used <= pending.count, "consume used \(used) of \(pending.count) bytes")
            pending.removeFirst(used)
            if isFinal { break }
        }
    } catch {
        outcome.error = "\(error)"
    }
    return outcome
}

/// One fuzz input: a byte choosing how the input is cut and whether bad rows are skipped, then any
/// bytes as the CSV to score. However the bytes are cut into calls, the scorer must write the same
/// lines, skip the same rows and stop with the same error as when it gets them all at once.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScoreStream(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let control = Int(data[0])
    let text = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let skipBadRows = control & 1 == 1
    let chunk = (control >> 1) + 1
    let whole = score(text, chunk: 0, skipBadRows: skipBadRows)
    let cut = score(text, chunk: chunk, skipBadRows: skipBadRows)
    // Only input given whole is sniffed for NUL bytes (a live stream cannot be looked at ahead),
    // so where the sniff refused it the two may stop differently.
    if [whole.error, cut.error].contains(where: { $0?.contains("NUL bytes") == true }) { return 0 }
    if whole != cut {
        preconditionFailure("cut into \(chunk)-byte calls the scorer gave \(cut), at once \(whole)")
    }
    return 0
}

runLibFuzzer { data, size in
    guard let data else { return 0 }
    return fuzzScoreStream(data, size)
}
