import Foundation
import Testing
@testable import AeshShell

/// A listener that keeps every event it hears.
final class RecordingListener: CellListener {
    var events: [CellEvent] = []
    func receive(_ event: CellEvent) { events.append(event) }
}

@Suite struct CellEventTests {
    /// The runner reports each cell's start, output, artifacts and end; files written and read are
    /// artifacts with their resolved paths, not only words in a message.
    @Test func scriptCellsEmitStartOutputArtifactsAndFinish() throws {
        let harness = try ShellHarness()
        let recorder = RecordingListener()
        harness.shell.listeners.append(recorder)
        try harness.write("data.csv", "a,b\n1,2\n3,4\n")
        let failures = harness.run("""
        generate normal=60 anomalies=6 features=3 seed=1
        history save saved.aesh
        load data.csv
        load missing.csv
        """, name: "cells.aesh")
        #expect(failures == 1)
        let events = recorder.events
        let starts = events.compactMap { if case .started(let cell) = $0 { cell } else { nil } }
        #expect(starts.map(\.number) == [1, 2, 3, 4])
        #expect(starts.map(\.location) == ["cells.aesh:1", "cells.aesh:2", "cells.aesh:3", "cells.aesh:4"])
        let finishes = events.compactMap { if case .finished(let cell, let seconds, let ok) = $0 { (cell.number, seconds >= 0, ok) } else { nil } }
        #expect(finishes.map(\.0) == [1, 2, 3, 4])
        #expect(finishes.map(\.2) == [true, true, true, false])
        let outputs = events.compactMap { if case .output(let text) = $0 { text } else { nil } }
        #expect(outputs.first?.hasPrefix("generated 66 rows") == true)
        #expect(events.contains(.artifact(.fileWritten(path: harness.folder + "/saved.aesh"))))
        #expect(events.contains(.artifact(.fileRead(path: harness.folder + "/data.csv"))))
        let errors = events.compactMap { if case .error(let message) = $0 { message } else { nil } }
        #expect(errors.count == 1 && errors[0].hasPrefix("cells.aesh:4: load:"))
        // The error belongs to cell 4: it comes after its start and before its end.
        let errorIndex = try #require(events.firstIndex { if case .error = $0 { true } else { false } })
        let lastStart = try #require(events.lastIndex { if case .started = $0 { true } else { false } })
        #expect(errorIndex > lastStart)
        // The terminal printer heard the same stream: output and error text are unchanged.
        #expect(harness.console.output.hasPrefix("generated 66 rows"))
        #expect(harness.console.errors.hasPrefix("cells.aesh:4: load:"))
    }

    /// A chart drawn to a file is reported with its path and format.
    @Test(.enabled(if: Gnuplot.locate(environment: ProcessInfo.processInfo.environment) != nil, "needs gnuplot"))
    func chartsAreArtifactsWithTheirFileAndFormat() throws {
        let harness = try ShellHarness()
        let recorder = RecordingListener()
        harness.shell.listeners.append(recorder)
        #expect(harness.run("""
        generate normal=200 anomalies=20 features=3 seed=1
        split
        scale standard
        model 2
        train epochs=2
        errors
        plot errors to=out/e.svg
        plot loss
        """, name: "charts.aesh") == 0, "\(harness.console.errors)")
        let charts = recorder.events.compactMap { if case .artifact(.chart(let kind, let path, let format)) = $0 { "\(kind) \(path) \(format)" } else { nil } }
        #expect(charts == ["errors \(harness.folder)/out/e.svg svg", "loss \(harness.folder)/out/charts-08-loss.png png"])
    }

    /// `quit` ends a replay through the context, and `run` replays through it: cells after them are
    /// not run.
    @Test func quitStopsTheRunner() throws {
        let harness = try ShellHarness()
        let recorder = RecordingListener()
        harness.shell.listeners.append(recorder)
        try harness.write("inner.aesh", "generate normal=10 anomalies=1 features=2 seed=3\n")
        #expect(harness.run("run inner.aesh\nquit\ndescribe\n") == 0)
        let starts = recorder.events.compactMap { if case .started(let cell) = $0 { cell.command } else { nil } }
        #expect(starts == ["run inner.aesh", "quit"])
        #expect(harness.shell.session.data?.rowCount == 11)
    }
}
