/// Training progress: a bar redrawn in place on a terminal, and a line per epoch — for runs of
/// more than `everyEpochUpTo` epochs only the first, every tenth of the run and the last, as
/// Keras's `verbose=2` and tqdm keep long runs readable (every epoch's losses stay in the
/// model's history for `plot loss`).
final class TrainingProgress {
    /// Runs up to this many epochs print every epoch.
    static let everyEpochUpTo = 30

    private let console: Console
    private let epochs: Int
    private var epoch = 1
    private var lastDrawnPercent = -1
    private var lastLoss: String = ""
    /// Whether epochs get lines of their own (false: only the live bar on a terminal, as for the
    /// second and later networks of an ensemble).
    private let printsLines: Bool

    /// Progress of a run whose last epoch is `epochs`, starting at epoch `first` (after 1 when it
    /// goes on with an earlier run); `lines` false draws only the bar.
    init(console: Console, epochs: Int, from first: Int = 1, lines: Bool = true) {
        self.console = console
        self.epochs = epochs
        self.printsLines = lines
        epoch = first
    }

    /// Called for batches within the current epoch.
    func batch(_ done: Int, of total: Int) {
        guard console.isTerminal, total > 0 else { return }
        let percent = done * 100 / total
        guard percent != lastDrawnPercent else { return }
        lastDrawnPercent = percent
        let width = 24
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        console.write("\r\u{1b}[2Kepoch \(pad(epoch))/\(epochs) \(bar) \(percent)%\(lastLoss)")
    }

    /// Whether epoch `epoch` of the run gets a line of its own.
    func printsLine(for epoch: Int) -> Bool {
        guard epochs > Self.everyEpochUpTo else { return true }
        let stride = max(1, epochs / 10)
        return epoch == 1 || epoch % stride == 0 || epoch == epochs
    }

    /// Called after each epoch with its report.
    func finished(_ report: EpochLine) {
        defer {
            epoch = report.epoch + 1
            lastDrawnPercent = -1
        }
        guard printsLines, printsLine(for: report.epoch) else {
            lastLoss = "  last loss \(report.loss)"
            return
        }
        let text = "epoch \(pad(report.epoch))/\(epochs)  loss \(report.loss)" + (report.validation.map { "  val_loss \($0)" } ?? "")
        if console.isTerminal {
            console.write("\r\u{1b}[2K" + text + "\n")
            lastLoss = "  last loss \(report.loss)"
        } else {
            console.line(text)
        }
    }

    /// Clears a half-drawn bar (after Ctrl-C).
    func end() {
        if console.isTerminal && lastDrawnPercent >= 0 { console.write("\r\u{1b}[2K") }
    }

    private func pad(_ value: Int) -> String {
        let width = String(epochs).count
        let text = String(value)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// One epoch's numbers, formatted.
    struct EpochLine {
        var epoch: Int
        var loss: String
        var validation: String?
    }
}
