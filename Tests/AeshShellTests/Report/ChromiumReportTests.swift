import Foundation
import Testing
@testable import AeshShell

/// A real browser: Debian's Chromium, headless, renders the seed script's HTML report. The page
/// must not be blank, must hold as many charts as the replay drew, and must log nothing to the
/// console. scripts/test.sh installs Chromium and sets AESH_REQUIRE_CHROMIUM=1, so CI fails
/// rather than skips without it.
@Suite(.enabled(if: Chromium.shouldRun, Chromium.skipReason), .needsGnuplot)
final class ChromiumReportTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "aesh-chromium-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    @Test func theSeedReportRendersWithEveryChartAndNoConsoleErrors() throws {
        try #require(Chromium.executable != nil, "chromium is required (AESH_REQUIRE_CHROMIUM=1) but not installed")
        let seed = ShellHarness.repositoryRoot + "/scripts/seed.aesh"
        let run = try AeshProcess.run(["--out", "out", "--report", "out/seed.html", seed], in: folder, timeout: 600)
        #expect(run.status == 0 && !run.timedOut, "\(run.stderr)")
        let drawn = run.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("wrote the ") && $0.contains(" chart to ") }.count
        #expect(drawn == 6)
        let page = try Chromium.render(folder + "/out/seed.html", scratch: folder)
        #expect(page.charts == drawn, "charts in the DOM")
        #expect(page.consoleMessages.isEmpty, "\(page.consoleMessages)")
        #expect(page.textLength > 2_000, "the page's text")
        // Not blank: a fair share of the first screen is drawn (text, code blocks, borders).
        #expect(page.inkedPixels * 100 > page.pixels, "\(page.inkedPixels) of \(page.pixels) pixels drawn")
    }

    /// The same checks catch a broken page: a script error on the console, no charts, nothing drawn.
    @Test func theChecksFailOnABrokenPage() throws {
        try #require(Chromium.executable != nil, "chromium is required (AESH_REQUIRE_CHROMIUM=1) but not installed")
        let path = folder + "/broken.html"
        try Data("<!DOCTYPE html><html><body><script>notDefined();</script></body></html>".utf8).write(to: URL(fileURLWithPath: path))
        let page = try Chromium.render(path, scratch: folder)
        #expect(page.charts == 0)
        #expect(page.consoleMessages.count == 1 && page.consoleMessages[0].contains("notDefined"), "\(page.consoleMessages)")
        #expect(page.inkedPixels == 0)
    }
}

/// Headless Chromium run on a local page: its DOM after loading, its console, a screenshot.
enum Chromium {
    static var executable: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var isRequired: Bool { ProcessInfo.processInfo.environment["AESH_REQUIRE_CHROMIUM"] == "1" }
    static var shouldRun: Bool { executable != nil || isRequired }
    static let skipReason: Comment = "no chromium: scripts/test.sh installs it (apt-get install chromium)"

    /// What the browser made of a page.
    struct Page {
        /// `<figure class="chart">` elements holding an `<svg>`, in the DOM after loading.
        var charts: Int
        /// Lines Chromium logged from the page's console.
        var consoleMessages: [String]
        /// Characters of text in the body.
        var textLength: Int
        /// Pixels of a 900×1400 screenshot that are not near-white, and all of them.
        var inkedPixels: Int
        var pixels: Int
    }

    static func render(_ path: String, scratch: String) throws -> Page {
        guard let chromium = executable else { throw ProcessError("chromium is not installed") }
        let url = URL(fileURLWithPath: path).absoluteString
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                      "--user-data-dir=\(scratch)/chromium-profile", "--enable-logging=stderr", "--v=0"]
        let dom = try run(chromium, common + ["--dump-dom", url], scratch: scratch)
        let shot = scratch + "/shot-\(UUID().uuidString).png"
        _ = try run(chromium, common + ["--window-size=900,1400", "--screenshot=\(shot)", url], scratch: scratch)
        let figures = try NSRegularExpression(pattern: "<figure class=\"chart\"[^>]*>\\s*<svg[\\s>]")
        let charts = figures.numberOfMatches(in: dom.stdout, range: NSRange(dom.stdout.startIndex..., in: dom.stdout))
        let console = dom.stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
        let body = dom.stdout.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        let ink = try python(ShellHarness.repositoryRoot + "/Tests/Fixtures/report/png_ink.py", shot, scratch: scratch)
        let counts = ink.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard counts.count == 2 else { throw ProcessError("png_ink.py printed \"\(ink)\"") }
        return Page(charts: charts, consoleMessages: console,
                    textLength: body.trimmingCharacters(in: .whitespacesAndNewlines).count,
                    inkedPixels: counts[0], pixels: counts[1])
    }

    private static func python(_ script: String, _ argument: String, scratch: String) throws -> String {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/env"
        let arguments = python == "/usr/bin/env" ? ["python3", script, argument] : [script, argument]
        let result = try run(python, arguments, scratch: scratch)
        guard result.status == 0 else { throw ProcessError("png_ink.py failed: \(result.stderr)") }
        return result.stdout
    }

    /// Runs a program with its output in files (Chromium writes a lot to stderr), for up to 120 s.
    private static func run(_ program: String, _ arguments: [String], scratch: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let id = UUID().uuidString
        let out = scratch + "/\(id).out", err = scratch + "/\(id).err"
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        guard let outHandle = FileHandle(forWritingAtPath: out), let errHandle = FileHandle(forWritingAtPath: err) else {
            throw ProcessError("cannot open output files in \(scratch)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = scratch
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        let finished = AeshProcess.waitForExit(process, timeout: 120)
        try? outHandle.close(); try? errHandle.close()
        guard finished else { throw ProcessError("\(program) did not finish in 120 s") }
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return (process.terminationStatus, read(out), read(err))
    }
}
