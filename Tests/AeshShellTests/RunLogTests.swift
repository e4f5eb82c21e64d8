import Foundation
import GRDB
import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// The run log: every train and evaluate appended to aesh-runs.sqlite with its parameters, data
/// file digest and metrics; `runs` lists and compares them; `set runlog off` stops it; a log that
/// cannot be written (read-only folder, locked, corrupt) is a warning once; two processes
/// appending at once leave a sound log. Each test has its own folder.
struct RunLogTests {
    /// A harness whose shell keeps a run log in its own folder.
    private func loggingHarness(busyTimeout: TimeInterval = 10) throws -> ShellHarness {
        let harness = try ShellHarness()
        harness.shell.runLogFile = "aesh-runs.sqlite"
        harness.shell.runLogger = RunLogger(path: harness.folder + "/aesh-runs.sqlite", busyTimeout: busyTimeout)
        return harness
    }

    private static let labelled = "a,b,label\n" + (0..<60).map { i in
        "\(Double(i % 7) / 7),\(Double(i % 5) / 5),\(i % 10 == 0 ? 1 : 0)"
    }.joined(separator: "\n") + "\n"

    private static let trainAndEvaluate = "generate normal=100 anomalies=10 features=2 seed=1\ntrain epochs=1\nerrors\nthreshold 0.9\nevaluate\ntrain epochs=1"

    @Test func trainAndEvaluateAreLoggedWithTheirParametersDataDigestAndMetrics() throws {
        let harness = try loggingHarness()
        let path = try harness.write("d.csv", Self.labelled)
        #expect(harness.run("load d.csv label=label\nsplit test=0.3 seed=2\nmodel 1\ntrain epochs=3 batch=8 lr=0.01 seed=9\nerrors\nthreshold 0.9\nevaluate") == 0,
                "\(harness.console.errors)")
        let records = try RunLog(path: harness.folder + "/aesh-runs.sqlite").records()
        try #require(records.count == 2)
        let (train, evaluate) = (records[0], records[1])
        let session = harness.shell.session
        let model = try #require(session.model)
        #expect(train.kind == "train" && evaluate.kind == "evaluate")
        #expect(train.id == 1 && evaluate.id == 2)
        #expect(train.command == "train epochs=3 batch=8 lr=0.01 seed=9" && evaluate.command == "evaluate")
        #expect(train.layers == "2-1-2" && train.activations == "relu/sigmoid")
        #expect(train.epochs == 3 && train.seed == "9" && evaluate.seed == "9")
        #expect(train.batch == 8 && train.learningRate == 0.01 && train.validation == 0.1)
        #expect(evaluate.batch == 8 && evaluate.learningRate == 0.01)
        #expect(train.loss == model.history.last?.loss)
        #expect(train.validationLoss == model.history.last?.validationLoss)
        let trainedRows = try #require(train.rows)
        #expect(harness.console.output.contains("\(Format.counted(trainedRows, "training row")) + "), "\(harness.console.output)")
        #expect(train.data == "d.csv" && evaluate.data == "d.csv")
        let digest = try #require(Self.sha256sum(path))
        #expect(train.dataSHA256 == digest && evaluate.dataSHA256 == digest)
        #expect(train.session == evaluate.session)
        let evaluation = try #require(session.evaluation)
        #expect(evaluate.rocAUC == evaluation.rocAUC && evaluate.averagePrecision == evaluation.averagePrecision)
        #expect(evaluate.f1 == evaluation.anomaly.f1)
        #expect(evaluate.threshold == session.threshold?.value && evaluate.thresholdRule == "percentile 0.9")
        #expect(evaluate.part == "test" && evaluate.rows == session.scores?.errors.count)
        #expect(train.rocAUC == nil && train.threshold == nil)
        #expect(train.stop == "completed" && evaluate.stop == nil)

        #expect(harness.execute("runs"), "\(harness.console.errors)")
        let listing = harness.console.output
        #expect(listing.contains("2 runs in "), "\(listing)")
        #expect(listing.contains("d.csv \(digest.prefix(8))"), "\(listing)")
        #expect(harness.execute("runs compare 1 2"))
        let comparison = harness.console.output
        #expect(comparison.contains("* kind "), "\(comparison)")
        #expect(comparison.contains("    layers "), "\(comparison)")
        #expect(comparison.contains("    lr "), "\(comparison)")
        #expect(comparison.contains("* ROC AUC "), "\(comparison)")
        #expect(comparison.contains(digest), "\(comparison)")
    }

    /// `load` does not hash (it would take longer than the parse of a large file); the first
    /// logged run does, while the file is the one loaded, and later runs keep that digest. A file
    /// changed before the first logged run is logged without a digest, saying so: never the
    /// digest of other bytes than the ones loaded.
    @Test func aFileChangedAfterLoadIsNeverLoggedWithAnotherDigest() throws {
        let harness = try loggingHarness()
        let path = try harness.write("d.csv", Self.labelled)
        let loaded = try #require(Self.sha256sum(path))
        #expect(harness.execute("load d.csv label=label"))
        #expect(harness.execute("train epochs=1"))
        try harness.write("d.csv", Self.labelled + "0.5,0.5,0\n")
        #expect(harness.execute("train epochs=2"))
        let reloaded = try #require(Self.sha256sum(path))
        #expect(harness.execute("load d.csv label=label"))
        let changed = Self.labelled + "0.5,0.5,0\n0.25,0.5,0\n"
        try harness.write("d.csv", changed)
        let changedDigest = try #require(Self.sha256sum(path))
        #expect(harness.execute("train epochs=1"))
        let records = try RunLog(path: harness.folder + "/aesh-runs.sqlite").records()
        #expect(Array(records.map(\.dataSHA256).prefix(2)) == [loaded, loaded])
        // The digest is taken beside the commands after `load`: before the change (the digest of
        // what was loaded) or, when the change came first, none, saying so; never the new bytes'.
        let last = try #require(records.last)
        #expect(last.dataSHA256 != changedDigest)
        #expect(last.dataSHA256 == reloaded || (last.dataSHA256 == nil && last.data?.hasSuffix("(changed since load: not hashed)") == true),
                "\(records.map(\.data)) \(records.map(\.dataSHA256))")
    }

    @Test func aTrainingThatDivergedIsLoggedAsSuch() throws {
        let harness = try loggingHarness()
        #expect(harness.run("generate normal=100 anomalies=10 features=2 seed=1\nscale none\ntrain epochs=3 lr=1e6") == 1)
        #expect(harness.console.errors.contains("training diverged in epoch 1, batch 2"), "\(harness.console.errors)")
        let records = try RunLog(path: harness.folder + "/aesh-runs.sqlite").records()
        #expect(records.map(\.stop) == ["diverged in epoch 1, batch 2"])
        #expect(records.first?.epochs == nil && records.first?.learningRate == 1e6)
        #expect(harness.execute("runs"))
        #expect(harness.console.output.contains("–, diverged"), "\(harness.console.output)")
    }

    /// Ctrl-C at the prompt, through a pseudo-terminal: the training is logged as interrupted,
    /// with the epoch whose weights it kept and their loss.
    @Test func aTrainingStoppedByCtrlCIsLoggedAsInterrupted() throws {
        let aesh = try #require(PseudoTerminal.productPath("aesh"), "the aesh executable is built next to the tests")
        let terminal = try PseudoTerminal(executable: aesh, columns: 160, rows: 30)
        _ = try terminal.waitFor("aesh> ", timeout: 20)
        try terminal.send("generate normal=20000 anomalies=100 features=8 seed=1\r")
        _ = try terminal.waitFor("generated", timeout: 10)
        try terminal.send("train epochs=1000 batch=16 seed=3\r")
        _ = try terminal.waitFor("epoch    3/1000", timeout: 60)
        try terminal.send("\u{03}")
        _ = try terminal.waitFor("kept the best weights so far", timeout: 10)
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("runs\r")
        let listing = try terminal.waitFor("1 run in aesh-runs.sqlite", timeout: 10)
        #expect(listing.contains(", interrupted"), "\(listing)")
        let records = try RunLog(path: terminal.home + "/aesh-runs.sqlite").records()
        try #require(records.count == 1)
        let record = records[0]
        #expect(record.stop == "interrupted" && record.command == "train epochs=1000 batch=16 seed=3")
        let epochs = try #require(record.epochs)
        let kept = try #require(record.keptEpoch ?? record.epochs)
        #expect(epochs >= 2 && epochs < 1000 && kept >= 1 && kept <= epochs, "\(record)")
        #expect(record.loss != nil && record.batch == 16 && record.seed == "3")
        _ = try terminal.waitFor("aesh> ")
        try terminal.send("quit\r")
        _ = try terminal.waitFor("leave anyway? [y/N] ", timeout: 10)
        try terminal.send("y\r")
        #expect(terminal.waitForExit(timeout: 10) == 0)
    }

    /// A log written before the `stop` column (migration "runs v1" only) is brought up to date in
    /// place by the migrator, its rows kept. The old file is written out here as the first
    /// version wrote it (not taken from RunLog's migration), so it stays the old format.
    @Test func aLogOfTheFirstSchemaIsMigratedInPlace() throws {
        let harness = try loggingHarness()
        let path = harness.folder + "/aesh-runs.sqlite"
        let old = try DatabaseQueue(path: path)
        try old.write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('runs v1');
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL, time TEXT NOT NULL, session TEXT NOT NULL, command TEXT NOT NULL,
                    layers TEXT, activations TEXT, epochs INTEGER, kept_epoch INTEGER,
                    batch INTEGER, lr REAL, validation REAL, seed TEXT,
                    data TEXT, data_sha256 TEXT, rows INTEGER,
                    loss REAL, val_loss REAL, threshold REAL, threshold_rule TEXT, part TEXT,
                    roc_auc REAL, ap REAL, f1 REAL);
                INSERT INTO runs (kind, time, session, command, epochs) VALUES ('train', '2026-12-01T10:00:00Z', 'old', 'train epochs=7', 7);
                """)
        }
        try old.close()
        #expect(harness.run("generate normal=100 anomalies=10 features=2 seed=1\ntrain epochs=2") == 0, "\(harness.console.errors)")
        #expect(!harness.console.output.contains("warning: the run log"), "\(harness.console.output)")
        let log = RunLog(path: path)
        let records = try log.records()
        #expect(records.map(\.epochs) == [7, 2])
        #expect(records.map(\.stop) == [nil, "completed"])
        #expect(records.first?.session == "old")
        #expect(try log.integrityCheck() == "ok")
    }

    @Test func runsOutliveTheSessionAndRunlogOffStopsLogging() throws {
        let harness = try loggingHarness()
        #expect(harness.run("generate normal=100 anomalies=10 features=2 seed=1\ntrain epochs=1\nset runlog off\ntrain epochs=1\nerrors\nthreshold 0.9\nevaluate") == 0)
        #expect(harness.execute("runs"))
        #expect(harness.console.output.contains("1 run in "), "\(harness.console.output)")
        // A new session in the same folder sees the first session's run and adds its own.
        let next = Shell(console: BufferConsole())
        next.baseDirectory = harness.folder
        next.runLogFile = "aesh-runs.sqlite"
        #expect(next.execute("generate normal=100 anomalies=10 features=2 seed=1"))
        #expect(next.execute("train epochs=2"))
        let records = try RunLog(path: harness.folder + "/aesh-runs.sqlite").records()
        #expect(records.map(\.epochs) == [1, 2])
        #expect(records.map(\.kind) == ["train", "train"])
        #expect(records[0].session != records[1].session)
        #expect(records[0].data == "generated (seed 1)" && records[0].dataSHA256 == nil)
        // `set runlog on` again logs again.
        #expect(harness.run("set runlog on\ntrain epochs=3") == 0)
        #expect(try RunLog(path: harness.folder + "/aesh-runs.sqlite").records().map(\.epochs) == [1, 2, 3])
    }

    @Test func anInProcessShellKeepsNoLogUnlessGivenOne() throws {
        let harness = try ShellHarness()
        #expect(harness.run(Self.trainAndEvaluate) == 0)
        #expect(!FileManager.default.fileExists(atPath: harness.folder + "/aesh-runs.sqlite"))
        #expect(!harness.execute("runs"))
        #expect(harness.console.errors.contains("runs: this aesh keeps no run log"), "\(harness.console.errors)")
    }

    @Test func badRunsArgumentsAreNamedAndChangeNothing() throws {
        let harness = try loggingHarness()
        #expect(harness.run("generate normal=100 anomalies=10 features=2 seed=1\ntrain epochs=1") == 0)
        let before = harness.fingerprint
        let cases: [(String, String)] = [
            ("runs compare 1", "runs: runs compare takes two run numbers"),
            ("runs compare 1 x", "runs: a run number must be a whole number from 1 to 2147483647, got \"x\""),
            ("runs compare 1 7", "runs: there is no run 7: the log holds runs 1 to 1"),
            ("runs compare 0 1", "runs: a run number must be a whole number from 1"),
            ("runs frobnicate", "runs: runs takes `compare A B` or last=N, not \"frobnicate\""),
            ("runs last=0", "runs: last must be a whole number from 1 to 1000000, got \"0\""),
            ("runs lats=3", "runs: unknown key \"lats\""),
            ("set runlog maybe", "set: runlog must be on, off, got \"maybe\""),
        ]
        for (line, message) in cases {
            #expect(!harness.execute(line), "\(line)")
            #expect(harness.console.errors.contains(message), "\(line): \(harness.console.errors)")
        }
        #expect(harness.fingerprint == before)
        #expect(try RunLog(path: harness.folder + "/aesh-runs.sqlite").records().count == 1)
    }

    @Test func runsWithNoLogYetSaysSo() throws {
        let harness = try loggingHarness()
        #expect(harness.execute("runs"))
        #expect(harness.console.output.contains("no runs logged here yet"), "\(harness.console.output)")
        #expect(!FileManager.default.fileExists(atPath: harness.folder + "/aesh-runs.sqlite"))
    }

    @Test func aLogThatCannotBeCreatedIsAWarningOnce() throws {
        let harness = try ShellHarness()
        try harness.write("not-a-folder", "x")
        harness.shell.runLogFile = "not-a-folder/aesh-runs.sqlite"
        #expect(harness.run(Self.trainAndEvaluate) == 0, "\(harness.console.errors)")
        Self.expectOneWarning(harness.console.output)
        // Both trains and the evaluate ran to the end.
        #expect(harness.shell.session.modelSummaries.count == 2 && harness.shell.session.modelSummaries.first?.evaluation != nil)
    }

    @Test func aCorruptLogIsAWarningOnceAndRunsNamesTheProblem() throws {
        let harness = try loggingHarness()
        let garbage = String(repeating: "this is not a SQLite database\n", count: 200)
        try harness.write("aesh-runs.sqlite", garbage)
        #expect(harness.run(Self.trainAndEvaluate) == 0, "\(harness.console.errors)")
        Self.expectOneWarning(harness.console.output)
        #expect(harness.read("aesh-runs.sqlite") == garbage)
        #expect(!harness.execute("runs"))
        #expect(harness.console.errors.contains("runs: cannot read the run log"), "\(harness.console.errors)")
        #expect(harness.console.errors.contains("not a database"), "\(harness.console.errors)")
    }

    @Test func aLogLockedPastTheBusyTimeoutIsAWarningOnceAndLaterWritesLand() throws {
        let harness = try loggingHarness(busyTimeout: 0.2)
        let path = harness.folder + "/aesh-runs.sqlite"
        #expect(try RunLog(path: path).integrityCheck() == "ok")  // creates the log
        var configuration = Configuration()
        configuration.journalMode = .wal
        let other = try DatabaseQueue(path: path, configuration: configuration)
        // Another writer holds the write lock for the whole of these commands.
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            #expect(harness.run(Self.trainAndEvaluate) == 0, "\(harness.console.errors)")
            try db.execute(sql: "COMMIT")
        }
        Self.expectOneWarning(harness.console.output)
        #expect(try RunLog(path: path).records().isEmpty)
        #expect(harness.execute("train epochs=2"))
        #expect(try RunLog(path: path).records().map(\.epochs) == [2])
    }

    /// As root every folder is writable, so the check runs aesh as `nobody` through setpriv.
    @Test func aReadOnlyFolderIsAWarningOnceFromTheExecutable() throws {
        let folder = NSTemporaryDirectory() + "aesh-runlog-ro-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var launcher: [String] = []
        if getuid() == 0 {
            try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs setpriv to drop root")
            launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        chmod(folder, 0o555)
        defer { chmod(folder, 0o755) }
        let run = try AeshProcess.run(["-c", Self.trainAndEvaluate.replacingOccurrences(of: "\n", with: "; ")],
                                      in: folder, launcher: launcher, timeout: 120)
        #expect(!run.timedOut && !run.signaled)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        Self.expectOneWarning(run.stdout + run.stderr)
        #expect(!FileManager.default.fileExists(atPath: folder + "/aesh-runs.sqlite"))
    }

    @Test func twoProcessesAppendingAtOnceLeaveASoundLog() throws {
        let aesh = try #require(AeshProcess.executable)
        let folder = NSTemporaryDirectory() + "aesh-runlog-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let rounds = 25
        let script = "generate normal=200 anomalies=20 features=3 seed=1; split test=0.3; "
            + String(repeating: "train epochs=1; errors; threshold 0.9; evaluate; ", count: rounds)
        var processes: [(Process, URL)] = []
        for index in 0..<2 {
            let process = Process()
            // Both wait for the file `go`, so they start together on a log neither has created.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "while [ ! -f go ]; do sleep 0.01; done; exec \"$0\" \"$@\"", aesh, "-c", script]
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.environment = AeshProcess.environment(directory: folder, adding: [:])
            let output = URL(fileURLWithPath: folder + "/output-\(index).txt")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let handle = try FileHandle(forWritingTo: output)
            process.standardOutput = handle
            process.standardError = handle
            processes.append((process, output))
        }
        for (process, _) in processes { try process.run() }
        _ = FileManager.default.createFile(atPath: folder + "/go", contents: nil)
        for (process, output) in processes {
            #expect(AeshProcess.waitForExit(process, timeout: 240))
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "\(text)")
            #expect(!text.contains("the run log"), "\(text)")
        }
        let log = RunLog(path: folder + "/aesh-runs.sqlite")
        #expect(try log.integrityCheck() == "ok")
        let records = try log.records()
        #expect(records.count == 2 * 2 * rounds)
        #expect(records.compactMap(\.id) == Array(1...Int64(records.count)))
        let sessions = Set(records.map(\.session))
        #expect(sessions.count == 2)
        for session in sessions {
            let own = records.filter { $0.session == session }
            #expect(own.map(\.kind) == Array(repeating: ["train", "evaluate"], count: rounds).flatMap { $0 })
        }
    }

    /// Exactly one run-log warning, which says the results stand and how to stop logging.
    private static func expectOneWarning(_ output: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(output.components(separatedBy: "warning: the run log").count == 2, "\(output)", sourceLocation: sourceLocation)
        #expect(output.contains("the command's results stand"), sourceLocation: sourceLocation)
        #expect(output.contains("`set runlog off` stops logging"), sourceLocation: sourceLocation)
    }

    /// The digest `sha256sum` prints for the file at `path`.
    static func sha256sum(_ path: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init)
    }
}
