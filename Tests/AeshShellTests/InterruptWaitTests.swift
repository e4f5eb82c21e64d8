import Foundation
import Testing
@testable import AeshShell

/// Ctrl-C reaches commands that wait on a FIFO, through a pseudo-terminal as a person would press
/// it: `load`, `open` and `run` of a FIFO nothing writes to, a `load` whose writer stalls part-way,
/// and an `export` into a FIFO whose reader stopped reading. Each stops with the session as it
/// was, and the prompt comes back.
///
/// Ctrl-C is typed only once aesh holds the FIFO open (seen in /proc/PID/fd): typed earlier, the
/// command would clear it as it starts, as it must for a Ctrl-C pressed before it.
@Suite(.serialized) struct InterruptWaitTests {
    func startPrompt() throws -> PseudoTerminal {
        let aesh = try #require(PseudoTerminal.productPath("aesh"), "the aesh executable is built next to the tests")
        let terminal = try PseudoTerminal(executable: aesh, columns: 120, rows: 30)
        _ = try terminal.waitFor("aesh> ", timeout: 20)
        return terminal
    }

    /// Makes a FIFO called `name` in the terminal's home folder; returns its path.
    func makeFIFO(_ terminal: PseudoTerminal, _ name: String) throws -> String {
        let path = terminal.home + "/" + name
        try #require(mkfifo(path, 0o600) == 0, "mkfifo \(path): \(String(cString: strerror(errno)))")
        return path
    }

    /// Waits until process `pid` has `path` open, or throws after `timeout` seconds.
    func waitUntilOpen(_ pid: pid_t, _ path: String, timeout: Double = 20) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            let folder = "/proc/\(pid)/fd"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + name),
                   link == target || link == path {
                    return
                }
            }
            usleep(10_000)
        }
        throw PseudoTerminalError(description: "aesh never opened \(path)")
    }

    /// Runs `line` at the prompt, waits until aesh holds `fifo` open, types Ctrl-C and returns what
    /// aesh printed up to its next prompt.
    func interrupt(_ terminal: PseudoTerminal, _ line: String, waitingOn fifo: String) throws -> String {
        try terminal.send(line + "\r")
        try waitUntilOpen(terminal.pid, fifo)
        try terminal.send("\u{03}")
        return try terminal.waitFor("aesh> ", timeout: 20)
    }

    @Test(arguments: [
        ("load pipe.csv", "load: interrupted while reading pipe.csv; the session is unchanged"),
        ("open pipe.csv", "open: interrupted while reading pipe.csv; the session is unchanged"),
        ("run pipe.csv", "run: interrupted while reading pipe.csv; the session is unchanged"),
    ])
    func ctrlCStopsAWaitForAWriterThatNeverComes(_ line: String, _ message: String) throws {
        let terminal = try startPrompt()
        let fifo = try makeFIFO(terminal, "pipe.csv")
        let output = try interrupt(terminal, line, waitingOn: fifo)
        #expect(output.contains(message), "\(output)")
        try terminal.send("show\r")
        _ = try terminal.waitFor("data:      none", timeout: 10)
        try terminal.send("quit\r")
        #expect(terminal.waitForExit(timeout: 10) == 0)
    }

    @Test func ctrlCStopsAScoreOfAFIFONothingWritesTo() throws {
        let terminal = try startPrompt()
        var trained = ""
        for line in ["generate normal=40 anomalies=4 features=2 seed=1", "split seed=1", "model 1", "train epochs=1 seed=1"] {
            try terminal.send(line + "\r")
            trained = try terminal.waitFor("aesh> ", timeout: 60)
        }
        #expect(trained.contains("trained 2 → 1 → 2"), "\(trained)")
        let fifo = try makeFIFO(terminal, "rows.csv")
        let printed = try interrupt(terminal, "score rows.csv to=scored.csv", waitingOn: fifo)
        #expect(printed.contains("score: interrupted while reading"), "\(printed)")
        #expect(printed.contains("the session is unchanged"), "\(printed)")
        // No partial output file is left behind, nor a temporary one beside it.
        let left = try FileManager.default.contentsOfDirectory(atPath: terminal.home)
        #expect(!left.contains { $0.hasPrefix("scored") || $0.hasPrefix(".scored") }, "\(left)")
    }

    @Test func ctrlCStopsALoadWhoseWriterStalledAndKeepsTheEarlierData() throws {
        let terminal = try startPrompt()
        try terminal.send("generate normal=100 anomalies=10 features=3 seed=1\r")
        _ = try terminal.waitFor("generated 110 rows", timeout: 10)
        _ = try terminal.waitFor("aesh> ")
        let fifo = try makeFIFO(terminal, "slow.csv")
        try terminal.send("load slow.csv\r")
        try waitUntilOpen(terminal.pid, fifo)
        // A writer that sends part of the table and then goes quiet, its end still open.
        let writer = open(fifo, O_WRONLY | O_NONBLOCK)
        try #require(writer >= 0, "open the FIFO for writing: \(String(cString: strerror(errno)))")
        defer { close(writer) }
        let part = "a,b\n" + (0..<50).map { "\($0),\($0 * 2)\n" }.joined()
        #expect(part.withCString { write(writer, $0, strlen($0)) } == part.utf8.count)
        try terminal.send("\u{03}")
        let output = try terminal.waitFor("aesh> ", timeout: 20)
        #expect(output.contains("load: interrupted while reading slow.csv; the session is unchanged"), "\(output)")
        try terminal.send("show\r")
        _ = try terminal.waitFor("data:      generated (seed 1), 110 rows × 3 columns", timeout: 10)
        try terminal.send("quit\r")
        #expect(terminal.waitForExit(timeout: 10) == 0)
    }

    @Test func ctrlCStopsAnExportIntoAPipeNobodyReads() throws {
        let terminal = try startPrompt()
        for (line, reply) in [("generate normal=20000 anomalies=100 features=3 seed=1", "generated"), ("model 2", "aesh> "),
                              ("train epochs=1 seed=1", "trained"), ("errors", "top 10")] {
            try terminal.send(line + "\r")
            _ = try terminal.waitFor(reply, timeout: 60)
            if reply != "aesh> " { _ = try terminal.waitFor("aesh> ", timeout: 10) }
        }
        let fifo = try makeFIFO(terminal, "scores.csv")
        // A reader that takes nothing: the pipe fills (64 KB) long before 20,100 rows are through.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        let output = try interrupt(terminal, "export scores.csv", waitingOn: fifo)
        #expect(output.contains("export: interrupted while writing to scores.csv"), "\(output)")
        #expect(!output.contains("wrote"))
        try terminal.send("quit\r")
        // The trained model is not saved: quit asks once.
        _ = try terminal.waitFor("leave anyway? [y/N] ", timeout: 10)
        try terminal.send("y\r")
        #expect(terminal.waitForExit(timeout: 10) == 0)
    }
}
