import Foundation
import Testing
@testable import AutoencoderKit

/// The streaming scorer gives the whole-table numbers bit for bit however its input is cut, and
/// handles bad rows by stopping or skipping them with their line numbers.
@Suite struct StreamingScorerTests {
    /// A model on columns f0…f(width-1) with a standard scaler, a threshold, a label and an id column.
    static func model(widths: [Int], activations: [Activation], seed: UInt64, data: Matrix,
                      idName: String? = "key") throws -> AnomalyModel {
        let network = randomModel(widths: widths, activations: activations, seed: seed)
        let scaler = try FittedScaler.fit(.standard, on: data)
        let errors = ReconstructionErrors.compute(model: network, data: scaler.transform(data)).perRow
        let cut = errors.sorted()[errors.count * 9 / 10]
        return AnomalyModel(columns: (0..<widths[0]).map { "f\($0)" }, labelName: "anomaly", idName: idName,
                            scaler: scaler, network: network, threshold: ModelThreshold(rule: .percentile(0.9), value: cut))
    }

    /// CSV of `data` with the model's columns reversed, an unused text column, the label and an id
    /// that needs quoting on some rows.
    static func csv(_ data: Matrix, label: Bool = true, id: Bool = true) -> String {
        let width = data.columns
        var text = "note," + (0..<width).reversed().map { "f\($0)" }.joined(separator: ",")
            + (label ? ",anomaly" : "") + (id ? ",key" : "") + "\n"
        for r in 0..<data.rows {
            let row = data.row(r)
            text += "n\(r)," + (0..<width).reversed().map { "\(row[$0])" }.joined(separator: ",")
            text += (label ? ",\(r % 7 == 0 ? 1 : 0)" : "") + (id ? (r % 5 == 0 ? ",\"k,\(r)\"" : ",k\(r)") : "") + "\n"
        }
        return text
    }

    /// What `load … label=anomaly id=key`, `errors on=all` and `export` give, as score's lines.
    static func wholeTableLines(_ model: AnomalyModel, _ text: String) throws -> [String] {
        let table = try TableReader.parseCSV(text, source: "t.csv", options: TableReadOptions(
            labelColumn: "anomaly", idColumn: model.idName, modelColumns: model.columns))
        let data = table.dataset
        let inputs = try model.inputs(from: data)
        let errors = ReconstructionErrors.compute(model: model.network, data: inputs).perRow
        var lines = ["row,error,predicted,label" + (model.idName == nil ? "" : ",id")]
        for k in 0..<data.rowCount {
            let predicted = model.threshold.map { errors[k] > $0.value ? "1" : "0" } ?? ""
            let id = data.rowIds.map { "," + csvField($0[k]) } ?? ""
            lines.append("\(data.sourceRows[k]),\(errors[k]),\(predicted),\(data.labels?[k] ?? 9)\(id)")
        }
        return lines
    }

    /// Feeds `bytes` to a scorer in pieces cut at `cuts` (byte offsets), as a reader would.
    static func stream(_ model: AnomalyModel, _ bytes: [UInt8], cuts: [Int], skip: Bool = false,
                       skipped: inout [DataFileError]) throws -> String {
        var scorer = StreamingScorer(model: model, source: "t.csv", skipBadRows: skip)
        var output: [UInt8] = []
        var pending: [UInt8] = []
        var reports: [DataFileError] = []
        defer { skipped = reports }
        var start = 0
        for end in cuts + [bytes.count] where end >= start {
            pending += bytes[start..<end]
            start = end
            let isFinal = end == bytes.count
            let used = try pending.withUnsafeBufferPointer { p in
                try scorer.consume(p, isFinal: isFinal, output: &output, skipped: { reports.append($0) })
            }
            pending.removeFirst(used)
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func lineEnds(_ bytes: [UInt8]) -> [Int] {
        bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
    }

    /// Rows scored alone, in any chunk and at any position, get the bits of the whole table: the
    /// property the streaming scorer rests on. A wide model with every activation would take
    /// sgemm at these sizes, whose bits depend on the call's shape.
    @Test func aRowScoresTheSameAloneAndInAnyChunk() throws {
        let network = randomModel(widths: [40, 24, 6, 24, 40], activations: [.relu, .tanh, .sigmoid, .linear], seed: 61)
        let data = lowRankData(rows: 1_300, width: 40, rank: 5, seed: 62)
        let whole = ReconstructionErrors.compute(model: network, data: data).perRow
        for r in [0, 1, 511, 512, 513, 1_023, 1_024, 1_299] {
            let alone = ReconstructionErrors.compute(model: network, data: data.selectingRows([r])).perRow
            #expect(alone.map(\.bitPattern) == [whole[r].bitPattern], "row \(r) alone")
        }
        let shifted = ReconstructionErrors.compute(model: network, data: data.selectingRows(Array(3..<1_300))).perRow
        #expect(shifted.map(\.bitPattern) == whole[3...].map(\.bitPattern))
        let reconstructed = network.reconstruct(data.selectingRows([700]))
        #expect(reconstructed.values.map(\.bitPattern) == network.reconstruct(data).row(700).map(\.bitPattern))
    }

    /// The whole input at once, one line at a time, and cuts in the middle of cells all give the
    /// whole-table lines, across the 512-row chunk boundaries.
    @Test func anyCutOfTheInputGivesTheWholeTableLines() throws {
        let data = lowRankData(rows: 1_100, width: 10, rank: 3, seed: 72)
        let model = try Self.model(widths: [10, 6, 10], activations: [.relu, .sigmoid], seed: 71, data: data)
        let text = Self.csv(data)
        let expected = try Self.wholeTableLines(model, text)
        #expect(expected.count == 1_101)
        let bytes = Array(text.utf8)
        var skipped: [DataFileError] = []
        let cuts: [[Int]] = [[], Self.lineEnds(bytes), Array(stride(from: 5, to: bytes.count, by: 4_093)),
                             Self.lineEnds(bytes).map { $0 - 3 }]
        for cut in cuts {
            let lines = try Self.stream(model, bytes, cuts: cut, skipped: &skipped).split(separator: "\n").map(String.init)
            #expect(lines == expected, "cuts: \(cut.prefix(3))")
            #expect(skipped.isEmpty)
        }
    }

    /// Without a label column in the input there is none in the output; without an id at
    /// training there is no id column; the rows still score the same.
    @Test func labelAndIdColumnsFollowTheInputAndTheModel() throws {
        let data = lowRankData(rows: 40, width: 4, rank: 2, seed: 82)
        let model = try Self.model(widths: [4, 2, 4], activations: [.tanh, .linear], seed: 81, data: data, idName: nil)
        var skipped: [DataFileError] = []
        let unlabelled = try Self.stream(model, Array(Self.csv(data, label: false, id: false).utf8), cuts: [], skipped: &skipped)
        let expected = try Self.wholeTableLines(model, Self.csv(data, id: false))
        let lines = unlabelled.split(separator: "\n").map(String.init)
        #expect(lines.first == "row,error,predicted")
        #expect(lines.dropFirst() == expected.dropFirst().map { String($0[..<$0.lastIndex(of: ",")!]) }[...])
        // A model trained with an id scores a file without that column: no id in the output.
        let withId = try Self.model(widths: [4, 2, 4], activations: [.tanh, .linear], seed: 81, data: data)
        let noId = try Self.stream(withId, Array(Self.csv(data, id: false).utf8), cuts: [], skipped: &skipped)
        #expect(noId.split(separator: "\n").map(String.init) == expected)
    }

    /// New rows have no verdict yet: a blank label cell (or one that is not 0 or 1) is copied as
    /// an empty field instead of stopping the run, and the rows score as they do labelled.
    @Test func blankOrTextLabelsAreCopiedEmpty() throws {
        let data = lowRankData(rows: 20, width: 4, rank: 2, seed: 84)
        let model = try Self.model(widths: [4, 2, 4], activations: [.tanh, .linear], seed: 83, data: data, idName: nil)
        let labelled = try Self.wholeTableLines(model, Self.csv(data, id: false))
        var text = Self.csv(data, id: false).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for r in 1..<text.count where !text[r].isEmpty {
            var fields = text[r].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[fields.count - 1] = r % 2 == 0 ? "" : "unknown"
            text[r] = fields.joined(separator: ",")
        }
        var skipped: [DataFileError] = []
        let lines = try Self.stream(model, Array(text.joined(separator: "\n").utf8), cuts: [], skipped: &skipped)
            .split(separator: "\n").map(String.init)
        #expect(skipped.isEmpty)
        #expect(lines.first == "row,error,predicted,label")
        #expect(lines.dropFirst() == labelled.dropFirst().map { String($0[...$0.lastIndex(of: ",")!]) }[...])
    }

    @Test func aMissingModelColumnIsNamed() throws {
        let data = lowRankData(rows: 10, width: 4, rank: 2, seed: 92)
        let model = try Self.model(widths: [4, 2, 4], activations: [.relu, .linear], seed: 91, data: data, idName: nil)
        let text = "f0,f1,f3,anomaly\n1,2,3,0\n"
        var skipped: [DataFileError] = []
        let error = dataFileError { _ = try Self.stream(model, Array(text.utf8), cuts: [], skipped: &skipped) }
        #expect(error?.description == #"t.csv: the data lacks the model's column "f2"; the model was trained on "f0", "f1", "f2", "f3""#)
    }

    /// By default a bad row stops the run with its line number, the rows before it written; with
    /// skipping, each bad row is reported with its line and the rest is scored, row numbers
    /// counting the skipped rows.
    @Test func badRowsStopOrAreSkippedWithTheirLineNumbers() throws {
        let data = lowRankData(rows: 30, width: 4, rank: 2, seed: 102)
        let model = try Self.model(widths: [4, 2, 4], activations: [.relu, .sigmoid], seed: 101, data: data, idName: nil)
        var lines = Self.csv(data, id: false).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let expected = try Self.wholeTableLines(model, lines.joined(separator: "\n"))
        // Line 6 (data row 4) gets a word, line 12 (data row 10) a missing field.
        lines[5] = "n4,abc," + lines[5].split(separator: ",").dropFirst(2).joined(separator: ",")
        lines[11] = lines[11].split(separator: ",").dropLast().joined(separator: ",")
        let bytes = Array(lines.joined(separator: "\n").utf8)
        for cut in [[], Self.lineEnds(bytes)] {
            var skipped: [DataFileError] = []
            var partial = ""
            let stop = dataFileError {
                var scorer = StreamingScorer(model: model, source: "t.csv", skipBadRows: false)
                var output: [UInt8] = []
                defer { partial = String(decoding: output, as: UTF8.self) }
                var pending: [UInt8] = [], start = 0
                for end in cut + [bytes.count] {
                    pending += bytes[start..<end]
                    start = end
                    let used = try pending.withUnsafeBufferPointer { p in
                        try scorer.consume(p, isFinal: end == bytes.count, output: &output, skipped: { skipped.append($0) })
                    }
                    pending.removeFirst(used)
                }
            }
            #expect(stop?.line == 6, "\(String(describing: stop))")
            #expect(stop?.description.contains("\"abc\" is not a number") == true)
            #expect(partial.split(separator: "\n").map(String.init) == Array(expected.prefix(5)))
            let skippedText = try Self.stream(model, bytes, cuts: cut, skip: true, skipped: &skipped)
            #expect(skipped.map(\.line) == [6, 12])
            #expect(skipped.last?.description.contains("line 12 has 5 fields, the header has 6") == true)
            let kept = skippedText.split(separator: "\n").map(String.init)
            #expect(kept == expected.enumerated().filter { $0.offset != 5 && $0.offset != 11 }.map(\.element))
        }
    }

    /// ScoreStream over a file read in small blocks (records cut by the block edges, one record
    /// longer than a block) gives the same bytes as one pass.
    @Test func theFileReaderGivesTheSameBytesWhateverTheBlockSize() throws {
        let data = lowRankData(rows: 600, width: 6, rank: 2, seed: 112)
        let model = try Self.model(widths: [6, 3, 6], activations: [.relu, .linear], seed: 111, data: data)
        let text = Self.csv(data) + "n600,1,2,3,4,5,6,0,\"" + String(repeating: "long id ", count: 40) + "\"\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var outputs: [[UInt8]] = []
        for block in [ScoreStream.blockSize, 100, 37] {
            var bytes: [UInt8] = []
            let summary = try ScoreStream.run(model: model, file: FileInput(path: path), skipBadRows: false, blockSize: block,
                                              write: { bytes += $0 }, skipped: { _ in })
            #expect(summary.scoredRows == 601 && summary.skippedRows == 0 && !summary.isLive)
            #expect(summary.bytesRead == text.utf8.count)
            outputs.append(bytes)
        }
        #expect(outputs[1] == outputs[0] && outputs[2] == outputs[0])
        let expected = try Self.wholeTableLines(model, text)
        #expect(String(decoding: outputs[0], as: UTF8.self) == expected.joined(separator: "\n") + "\n")
    }
}
