import Testing
@testable import AeshShell

/// Long runs print a line at every tenth of the run, short runs every epoch; `plot loss` still has
/// every epoch.
struct TrainingProgressTests {
    @Test func aLongRunPrintsTheFirstEveryTenthAndTheLastEpoch() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=64 anomalies=0 features=2 seed=1\ntrain epochs=100 batch=64 validation=0") == 0)
        let lines = harness.console.output.split(separator: "\n").filter { $0.hasPrefix("epoch") }
        let printed = lines.compactMap { line in line.split(separator: "/").first.flatMap { Int($0.dropFirst("epoch".count).trimmingCharacters(in: .whitespaces)) } }
        #expect(printed == [1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], "\(lines)")
        #expect(harness.shell.session.model?.history.count == 100)
    }

    @Test func aShortRunPrintsEveryEpoch() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=64 anomalies=0 features=2 seed=1\ntrain epochs=30 batch=64 validation=0") == 0)
        let lines = harness.console.output.split(separator: "\n").filter { $0.hasPrefix("epoch") }
        #expect(lines.count == 30)
    }

    @Test func aTerminalKeepsOneLiveLineBetweenSummaries() {
        let console = BufferConsole(isTerminal: true)
        let progress = TrainingProgress(console: console, epochs: 50)
        for epoch in 1...50 {
            progress.batch(1, of: 1)
            progress.finished(.init(epoch: epoch, loss: "0.\(epoch)", validation: nil))
        }
        let ended = console.output.components(separatedBy: "\n").count - 1
        #expect(ended == 11, "first, every fifth and the last epoch end a line: \(console.output.debugDescription)")
        #expect(console.output.contains("last loss 0.49"))
    }
}
