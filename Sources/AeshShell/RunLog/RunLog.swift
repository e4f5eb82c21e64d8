import Foundation
import GRDB

/// The run log, `aesh-runs.sqlite` in the working folder: every `train` and `evaluate`, across
/// sessions, in one SQLite table (through GRDB). WAL mode and a busy timeout let several aesh
/// processes in one folder append at once without corrupting it or failing.
public final class RunLog {
    /// The database file.
    public let path: String
    /// How long a write waits for another process's write to finish.
    public let busyTimeout: TimeInterval
    private var queue: DatabaseQueue?

    /// The log at `path`; nothing is opened or created until it is first used.
    public init(path: String, busyTimeout: TimeInterval = 10) {
        self.path = path
        self.busyTimeout = busyTimeout
    }

    /// Appends `record`, creating the file and its table when missing; returns its id.
    @discardableResult
    public func append(_ record: RunRecord) throws -> Int64 {
        try open().write { db in
            try db.execute(sql: """
                INSERT INTO runs (kind, time, session, command, layers, activations, epochs, kept_epoch,
                                  batch, lr, validation, seed, data, data_sha256, rows, loss, val_loss,
                                  threshold, threshold_rule, part, roc_auc, ap, f1, stop)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    record.kind, record.time, record.session, record.command, record.layers, record.activations,
                    record.epochs, record.keptEpoch, record.batch, Self.finite(record.learningRate),
                    Self.finite(record.validation), record.seed, record.data, record.dataSHA256, record.rows,
                    Self.finite(record.loss), Self.finite(record.validationLoss), Self.finite(record.threshold),
                    record.thresholdRule, record.part, Self.finite(record.rocAUC), Self.finite(record.averagePrecision),
                    Self.finite(record.f1), record.stop,
                ])
            return db.lastInsertedRowID
        }
    }

    /// Every record, oldest first; none when the file does not exist.
    public func records() throws -> [RunRecord] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try open().read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id").map(Self.record)
        }
    }

    /// SQLite's own check of the file: "ok" when it is sound.
    public func integrityCheck() throws -> String {
        try open().read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// The connection, opened (and the schema brought up to date) on first use.
    private func open() throws -> DatabaseQueue {
        if let queue { return queue }
        let deadline = Date().addingTimeInterval(busyTimeout)
        var retriedFailure = false
        while true {
            do {
                let queue = try connect()
                self.queue = queue
                return queue
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                // Two processes making a new log at once: the second one's `PRAGMA journal_mode = WAL`
                // is refused at once (SQLite calls no busy handler there), so wait and try again.
                usleep(20_000)
            } catch where !retriedFailure {
                // Both also see no migration applied (GRDB reads that outside the migration's
                // transaction); the second one's CREATE then fails and rolls back. Run again, it
                // finds the migration applied by the first.
                retriedFailure = true
            }
        }
    }

    private func connect() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "aesh run log"
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try Self.migrator.migrate(queue)
        return queue
    }

    /// The schema, one migration per change, so older logs are brought up to date in place.
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("runs v1") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL, time TEXT NOT NULL, session TEXT NOT NULL, command TEXT NOT NULL,
                    layers TEXT, activations TEXT, epochs INTEGER, kept_epoch INTEGER,
                    batch INTEGER, lr REAL, validation REAL, seed TEXT,
                    data TEXT, data_sha256 TEXT, rows INTEGER,
                    loss REAL, val_loss REAL, threshold REAL, threshold_rule TEXT, part TEXT,
                    roc_auc REAL, ap REAL, f1 REAL)
                """)
        }
        migrator.registerMigration("runs v2: stop") { db in
            try db.execute(sql: "ALTER TABLE runs ADD COLUMN stop TEXT")
        }
        return migrator
    }

    /// SQLite stores NaN as NULL; say so explicitly (an undefined AUC is "not measured").
    private static func finite(_ value: Double?) -> Double? {
        value.flatMap { $0.isFinite ? $0 : nil }
    }

    /// A record from a row, each value read leniently: a value of another type (a file some other
    /// program wrote) reads as nil rather than stopping aesh.
    private static func record(_ row: Row) -> RunRecord {
        func value<T: DatabaseValueConvertible>(_ column: String, _: T.Type = T.self) -> T? {
            guard let stored: DatabaseValue = row[column] else { return nil }
            return T.fromDatabaseValue(stored)
        }
        var record = RunRecord(kind: value("kind") ?? "", time: value("time") ?? "", session: value("session") ?? "",
                               command: value("command") ?? "")
        record.id = value("id")
        record.layers = value("layers")
        record.activations = value("activations")
        record.epochs = value("epochs")
        record.keptEpoch = value("kept_epoch")
        record.stop = value("stop")
        record.batch = value("batch")
        record.learningRate = value("lr")
        record.validation = value("validation")
        record.seed = value("seed")
        record.data = value("data")
        record.dataSHA256 = value("data_sha256")
        record.rows = value("rows")
        record.loss = value("loss")
        record.validationLoss = value("val_loss")
        record.threshold = value("threshold")
        record.thresholdRule = value("threshold_rule")
        record.part = value("part")
        record.rocAUC = value("roc_auc")
        record.averagePrecision = value("ap")
        record.f1 = value("f1")
        return record
    }
}
