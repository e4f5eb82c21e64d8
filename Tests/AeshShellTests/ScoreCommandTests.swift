import Foundation
import Testing
@testable import AeshShell

/// `score` in the shell and `aesh score` as a process: the lines `open`, `load`, `errors on=all`
/// and `export` give, bit for bit; a live pipe answered row by row; bad rows stopped or skipped.
@Suite(.serialized) final class ScoreCommandTests {
    let harness: ShellHarness

    /// A trained, thresholded model saved as out/m.aemodel, with the 1,100-row data it scores
    /// (ids that need quoting on some rows, a column the model does not use), exported as the
    /// whole-table reference out/export.csv.
    init() throws {
        harness = try ShellHarness()
        var csv = "key,extra,a,b,c,d,anomaly\n"
        for r in 0..<1_100 {
            let anomaly = r % 11 == 0
            let shift = anomaly ? 4.0 : 0.0
            let values = (0..<4).map { c in String(Float(sin(Double(r * 7 + c * 3)) * 1.5 + shift + Double(c))) }
            csv += (r % 9 == 0 ? "\"id,\(r)\"" : "id\(r)") + ",x\(r)," + values.joined(separator: ",") + ",\(anomaly ? 1 : 0)\n"
        }
        try harness.write("data.csv", csv)
        let failures = harness.run("""
            load data.csv label=anomaly id=key ignore=extra
            split test=0.2 seed=3
            scale standard
            model 3 activation=tanh output=linear
            train epochs=3 batch=32 seed=3
            errors
            threshold 0.9
            save out/m.aemodel
            errors on=all top=0
            export out/export.csv
            """)
        #expect(failures == 0, "\(harness.console.errors)")
    }

    /// export's `row,id,error,predicted,label` lines as score writes them: `row,error,predicted,label,id`.
    func exportedAsScoreLines() throws -> [String] {
        let exported = try #require(harness.read("out/export.csv")).split(separator: "\n").map(String.init)
        #expect(exported.first == "row,id,error,predicted,label")
        return ["row,error,predicted,label,id"] + exported.dropFirst().map { line in
            // The id may be quoted with a comma inside: split off row, then take the last three fields.
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let row = fields[0], tail = fields.suffix(3), id = fields[1..<(fields.count - 3)].joined(separator: ",")
            return ([row] + tail + [id]).joined(separator: ",")
        }
    }

    @Test func theShellCommandWritesTheExportedNumbers() throws {
        let scoresBefore = harness.shell.session.scores?.errors, rowsBefore = harness.shell.session.data?.rowCount
        #expect(harness.execute("score data.csv to=out/scored.csv"), "\(harness.console.errors)")
        #expect(harness.console.output.contains("scored 1,100 rows of data.csv to out/scored.csv"))
        let scored = try #require(harness.read("out/scored.csv")).split(separator: "\n").map(String.init)
        #expect(scored == (try exportedAsScoreLines()))
        // The session's data and scores are not touched.
        #expect(harness.shell.session.scores?.errors == scoresBefore && harness.shell.session.data?.rowCount == rowsBefore)
        #expect(!harness.execute("score data.csv to=data.csv"))
        #expect(harness.console.errors.contains("is the input file"))
    }

    /// Without to= the lines go to the output; bad-rows=skip reports a bad row and goes on.
    @Test func withoutToTheLinesGoToTheOutput() throws {
        let before = harness.console.output.count
        #expect(harness.execute("score data.csv"), "\(harness.console.errors)")
        let written = String(harness.console.output.dropFirst(before))
        #expect(written == (try exportedAsScoreLines()).joined(separator: "\n") + "\n")
        try harness.write("short.csv", "a,b,c,d\n1,2,3,4\n1,2,x,4\n")
        let model = try #require(harness.shell.session.model)
        #expect(model.idName == "key")
        // A file without the model's id column is scored (no id in the output) until its bad row.
        let printed = harness.console.output.count
        #expect(!harness.execute("score short.csv"))
        #expect(String(harness.console.output.dropFirst(printed)).hasPrefix("row,error,predicted\n0,"), "\(harness.console.output)")
        #expect(harness.console.errors.contains("short.csv line 3, column \"c\": \"x\" is not a number"))
        try harness.write("short.csv", "key,a,b,c,d\nk1,1,2,3,4\nk2,1,2,x,4\nk3,0,0,0,0\n")
        let errorsBefore = harness.console.errors.count
        #expect(harness.execute("score short.csv to=out/short.csv bad-rows=skip"), "\(harness.console.errors)")
        let reports = String(harness.console.errors.dropFirst(errorsBefore))
        #expect(reports.hasPrefix("skipped ") && reports.contains("short.csv line 3, column \"c\": \"x\" is not a number"), "\(reports)")
        #expect(reports.contains("skipped 1 bad row; scored 2 rows"))
        let lines = try #require(harness.read("out/short.csv")).split(separator: "\n").map(String.init)
        #expect(lines.count == 3 && lines[0] == "row,error,predicted,id" && lines[2].hasPrefix("2,") && lines[2].hasSuffix(",k3"))
    }

    @Test func theExecutableWritesTheSameToStandardOutputAndToAFile() throws {
        let expected = try exportedAsScoreLines().joined(separator: "\n") + "\n"
        let folder = harness.folder
        let piped = try AeshProcess.run(["score", "out/m.aemodel", "data.csv"], in: folder)
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr)")
        #expect(piped.stdout == expected)
        let fromStandardInput = try AeshProcess.run(["score", "out/m.aemodel", "-"], in: folder,
                                                    input: try #require(harness.read("data.csv")))
        #expect(fromStandardInput.stdout == expected)
        let toFile = try AeshProcess.run(["score", "out/m.aemodel", "data.csv", "--output", "out/cli.csv"], in: folder)
        #expect(toFile.status == 0 && toFile.stdout.isEmpty, "\(toFile.stderr)")
        #expect(harness.read("out/cli.csv") == expected)
    }

    /// A malformed row stops the run with its line and status 1, the rows before it written;
    /// --bad-rows=skip reports each with its line, goes on, and gives the count.
    @Test func badRowsStopTheRunOrAreSkipped() throws {
        var lines = try #require(harness.read("data.csv")).split(separator: "\n").map(String.init)
        var row2 = lines[3].components(separatedBy: ",")
        row2[2] = "oops"
        lines[3] = row2.joined(separator: ",")
        lines[6] = "id5,x5,1,2"
        try harness.write("bad.csv", lines.joined(separator: "\n") + "\n")
        let expected = try exportedAsScoreLines()
        let stopped = try AeshProcess.run(["score", "out/m.aemodel", "bad.csv"], in: harness.folder)
        #expect(stopped.status == 1)
        #expect(stopped.stderr.hasPrefix("aesh score: bad.csv line 4, column \"a\": \"oops\" is not a number"), "\(stopped.stderr)")
        #expect(stopped.stdout.split(separator: "\n").map(String.init) == Array(expected.prefix(3)))
        let skipped = try AeshProcess.run(["score", "out/m.aemodel", "bad.csv", "--bad-rows=skip"], in: harness.folder)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        let reports = skipped.stderr.split(separator: "\n").map(String.init)
        #expect(reports.count == 3, "\(reports)")
        #expect(reports.first?.hasPrefix("aesh score: skipped bad.csv line 4") == true)
        #expect(reports.dropFirst().first?.hasPrefix("aesh score: skipped bad.csv: line 7 has 4 fields") == true)
        #expect(reports.last == "aesh score: skipped 2 bad rows; scored 1,098 rows")
        let kept = expected.enumerated().filter { $0.offset != 3 && $0.offset != 6 }.map(\.element)
        #expect(skipped.stdout.split(separator: "\n").map(String.init) == kept)
    }

    /// A reader that leaves early (`aesh score m data.csv | head`) ends aesh quietly with the
    /// status a shell gives a broken pipe.
    @Test func anEarlyClosingReaderEndsTheFilterQuietly() throws {
        _ = try #require(AeshProcess.executable, "build aesh first: swift build")
        var csv = "key,a,b,c,d\n"
        for r in 0..<40_000 { csv += "k\(r),\(r % 7),\(r % 5),\(r % 3),\(r % 11)\n" }
        try harness.write("many.csv", csv)
        let run = try AeshProcess.runUntilReaderLeaves(["score", "out/m.aemodel", "many.csv"], in: harness.folder, timeout: 60)
        #expect(run.ended)
        #expect(run.received.hasPrefix("row,error,predicted,id\n0,"))
        #expect(run.reason == .exit && run.status == 141, "status \(run.status)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    /// Through a pipe, each row's line comes back before the next row is written: the child
    /// answers row by row without waiting for more input or for the end of it.
    @Test func aLiveStreamIsAnsweredRowByRow() throws {
        let aesh = try #require(AeshProcess.executable)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: aesh)
        process.arguments = ["score", "out/m.aemodel", "-"]
        process.currentDirectoryURL = URL(fileURLWithPath: harness.folder)
        process.environment = AeshProcess.environment(directory: harness.folder, adding: [:])
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // A guard against a hang, not a measurement: a missing flush would block here for ever.
        let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        defer { watchdog.cancel() }
        let data = try #require(harness.read("data.csv")).split(separator: "\n").map(String.init)
        let expected = try exportedAsScoreLines()
        var received = ""
        func readLines(_ count: Int) -> [String] {
            while received.filter({ $0 == "\n" }).count < count {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                received += String(decoding: chunk, as: UTF8.self)
            }
            return received.split(separator: "\n").map(String.init)
        }
        input.fileHandleForWriting.write(Data((data[0] + "\n").utf8))
        for k in 1...5 {
            input.fileHandleForWriting.write(Data((data[k] + "\n").utf8))
            #expect(readLines(k + 1) == Array(expected.prefix(k + 1)), "after row \(k - 1)")
        }
        try input.fileHandleForWriting.close()
        #expect(AeshProcess.waitForExit(process, timeout: 60))
        #expect(process.terminationStatus == 0)
        #expect(readLines(6) == Array(expected.prefix(6)))
    }
}
