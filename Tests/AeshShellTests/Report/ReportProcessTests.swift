import Foundation
import Testing
@testable import AeshShell

/// `aesh --report` as a person runs it: a failing script still gets its report and exits 1, a bad
/// report path stops before the replay, and without times two replays give identical files.
@Suite(.enabled(if: AeshProcess.executable != nil, "build aesh first: swift build"), .needsGnuplot)
final class ReportProcessTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "aesh-report-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func aesh(_ arguments: String...) throws -> ProcessOutcome {
        let outcome = try AeshProcess.run(arguments, in: folder, timeout: 120)
        #expect(!outcome.timedOut && !outcome.signaled && !outcome.stderr.contains("Fatal error"), "\(outcome.stderr)")
        return outcome
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    func read(_ name: String) -> Data? { FileManager.default.contents(atPath: folder + "/" + name) }

    @Test func aFailingScriptWritesItsReportUpToTheFailingCellAndExits1() throws {
        try write("fails.aesh", "#' # Fails\ngenerate normal=40 anomalies=4 features=2 seed=1\ntrain epochs=0\ndescribe\n")
        for name in ["fails.html", "fails.md"] {
            let run = try aesh("--report", name, "fails.aesh")
            #expect(run.status == 1)
            #expect(run.stderr.contains("fails.aesh:3: train:"))
            let text = String(decoding: try #require(read(name)), as: UTF8.self)
            #expect(text.contains("In [2]"))
            #expect(text.contains("fails.aesh:3: train: epochs must be a whole number"))
            #expect(text.contains(name.hasSuffix(".html") ? "<section class=\"cell failed\"" : "**failed**"))
            #expect(!text.contains("In [3]") && !text.contains("describe"))
            // The script itself is an input, digested.
            let digest = try #require(FileDigest(path: folder + "/fails.aesh"))
            #expect(text.contains(digest.sha256))
        }
    }

    @Test func aBadReportPathIsRefusedBeforeTheReplay() throws {
        try write("marks.aesh", "generate normal=10 anomalies=1 features=2 seed=1\nhistory save marker.aesh\n")
        let unknown = try aesh("--report", "r.txt", "marks.aesh")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("must end in .html or .md"))
        let missing = try aesh("--report", "nowhere/r.html", "marks.aesh")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("the folder nowhere does not exist"))
        try FileManager.default.createDirectory(atPath: folder + "/dir.html", withIntermediateDirectories: false)
        let directory = try aesh("--report", "dir.html", "marks.aesh")
        #expect(directory.status != 0 && directory.stderr.contains("is a folder, not a file"))
        let times = try aesh("--report", "r.html", "--report-times=maybe", "marks.aesh")
        #expect(times.status != 0 && times.stderr.contains("--report-times takes yes or no"))
        #expect(read("marker.aesh") == nil, "the replay must not have started")
        #expect(try aesh("--report", "r.html", "marks.aesh").status == 0)
        #expect(read("marker.aesh") != nil)
    }

    @Test func withoutTimesTwoReplaysGiveByteIdenticalReports() throws {
        var csv = "x,y,label\n"
        for i in 0..<150 { csv += "\(Double(i % 9) / 9),\(Double(i % 4) / 4),\(i % 15 == 0 ? 1 : 0)\n" }
        try write("data.csv", csv)
        try write("same.aesh", """
        #' # Same numbers
        param epochs=2
        load data.csv label=label
        split seed=3
        scale standard
        model 2
        train epochs=${epochs}
        errors
        plot errors
        tsne rows=60 iterations=250 perplexity=10
        plot tsne
        """)
        var reports: [[Data?]] = []
        for _ in 0..<2 {
            let html = try aesh("--report", "same.html", "--report-times=no", "--param", "epochs=3", "same.aesh")
            #expect(html.status == 0, "\(html.stderr)")
            let markdown = try aesh("--report", "same.md", "--report-times=no", "--param", "epochs=3", "same.aesh")
            #expect(markdown.status == 0, "\(markdown.stderr)")
            let charts = try FileManager.default.contentsOfDirectory(atPath: folder + "/same_files").sorted()
            #expect(charts.count == 2)
            reports.append([read("same.html"), read("same.md")] + charts.map { read("same_files/" + $0) })
        }
        #expect(reports[0].allSatisfy { $0 != nil })
        #expect(reports[0] == reports[1])
        let html = String(decoding: try #require(reports[0][0]), as: UTF8.self)
        #expect(html.contains("<dt>parameters</dt><dd>epochs=3</dd>"))
        #expect(html.contains("<code>train epochs=${epochs}</code>"))
        #expect(!html.contains("<dt>date</dt>"))
        // With times (the default) the date is there.
        #expect(try aesh("--report", "timed.html", "same.aesh").status == 0)
        let timed = String(decoding: try #require(read("timed.html")), as: UTF8.self)
        #expect(timed.contains("<dt>date</dt>") && timed.contains("<span class=\"time\">"))
    }
}
