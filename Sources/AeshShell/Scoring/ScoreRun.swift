import AutoencoderKit

/// `score` as both the command line (`aesh score MODEL [INPUT|-]`) and the shell's `score` run it:
/// the rows of `input` scored by `model` go to `output` (written whole, or up to a bad row that
/// stops the run) or, without one, to `stream` as they are scored; each skipped bad row and
/// the count at the end go to `report`, one line each.
public enum ScoreRun {
    /// Scores `input`; throws what stops the run (an unreadable input, a missing model column, a
    /// bad row without `skipBadRows`, an unwritable output), after writing every earlier row. An
    /// output file gets nothing when the run stops before the header line, nor when `shouldStop`
    /// ends it (an `InterruptedError`: a Ctrl-C leaves no partial file).
    public static func run(model: AnomalyModel, input: ScoreStream.Input, output: String?, skipBadRows: Bool,
                           shouldStop: @escaping @Sendable () -> Bool = { false },
                           stream: ([UInt8]) -> Void, report: (String) -> Void) throws -> ScoreStream.Summary {
        if let output, case .path(let path) = input, AtomicFile.sameFile(path, output) {
            throw ShellError("the output \(output) is the input file; give another path")
        }
        let file = try output.map { try AtomicFileWriter(path: $0) }
        var wrote = false
        do {
            let summary = try ScoreStream.run(model: model, input: input, skipBadRows: skipBadRows, shouldStop: shouldStop,
                                              write: { bytes in
                wrote = true
                if let file { try file.write(bytes) } else { stream(bytes) }
            }, skipped: { report("skipped \($0)") })
            try file?.commit()
            if summary.skippedRows > 0 {
                report("skipped \(Format.counted(summary.skippedRows, "bad row")); scored \(Format.counted(summary.scoredRows, "row"))")
            }
            return summary
        } catch let error as InterruptedError {
            file?.discard()
            throw error
        } catch {
            if wrote { try? file?.commit() } else { file?.discard() }
            throw error
        }
    }
}
