import Foundation
import Testing
@testable import AeshShell

/// The built `aesh` binary run as a child process: exit statuses, what goes to stdout and stderr,
/// script mode, `-c`, piped input, options, an early-closing reader, colour, and the bad-input
/// corpus as a person would meet it from a shell. Every run has SWIFT_BACKTRACE=enable=no and a
/// time limit; a crash shows as a signal or a "Fatal error" on stderr and fails the test.
@Suite(.enabled(if: AeshProcess.executable != nil, "build aesh first: swift build"))
final class ExecutableTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "aesh-exec-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs aesh in the test folder and checks it ended by itself, without a crash.
    func aesh(_ arguments: String..., input: String = "", environment: [String: String] = [:],
              sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessOutcome {
        let outcome = try AeshProcess.run(arguments, in: folder, input: input, environment: environment)
        #expect(!outcome.timedOut && !outcome.signaled, "aesh \(arguments) did not end by itself", sourceLocation: sourceLocation)
        #expect(!outcome.stderr.contains("Fatal error"), "\(outcome.stderr)", sourceLocation: sourceLocation)
        return outcome
    }

    /// Copies a corpus file into the test folder (scripts write an out/ folder beside them).
    func copy(_ name: String) throws {
        try FileManager.default.copyItem(atPath: BadInput.path(name), toPath: folder + "/" + name)
    }

    @Test func aFailingScriptStopsWithFileLineAndStatus1() throws {
        try copy("fails-on-line-3.aesh")
        let run = try aesh("fails-on-line-3.aesh")
        #expect(run.status == 1)
        #expect(run.stderr == "fails-on-line-3.aesh:3: train: epochs must be a whole number from 1 to 100000, got \"0\"\n")
        #expect(run.stdout.contains("In [1]: generate normal=40"))
        #expect(run.stdout.contains("In [2]: train epochs=0"))
        #expect(!run.stdout.contains("describe"))
    }

    @Test func keepGoingRunsTheRestAndStillExits1() throws {
        try copy("fails-on-line-3.aesh")
        let run = try aesh("--keep-going", "fails-on-line-3.aesh")
        #expect(run.status == 1)
        #expect(run.stderr == "fails-on-line-3.aesh:3: train: epochs must be a whole number from 1 to 100000, got \"0\"\n")
        #expect(run.stdout.contains("In [3]: describe"))
        #expect(run.stdout.contains("44 rows × 2 feature columns"))
    }

    @Test func aSemicolonValueInAOneLinerIsTheDelimiter() throws {
        // The header ties commas and semicolons, so detection picks the comma; delimiter=; settles it.
        try Data("x,y;z\n1;2\n3;4\n".utf8).write(to: URL(fileURLWithPath: folder + "/semi.csv"))
        let run = try aesh("-c", "load semi.csv delimiter=;; describe")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("loaded 2 rows × 2 columns from semi.csv"))
        #expect(run.stdout.contains("x,y "))
    }

    @Test func aOneLinerRunsEachCommand() throws {
        let good = try aesh("-c", "generate normal=30 anomalies=3 features=2 seed=1; describe")
        #expect(good.status == 0 && good.stderr.isEmpty)
        #expect(good.stdout.contains("generated 33 rows × 2 columns"))
        #expect(good.stdout.contains("33 rows × 2 feature columns"))
        let bad = try aesh("-c", "generate normal=30 anomalies=3 features=2 seed=1; frobnicate; describe")
        #expect(bad.status == 1)
        #expect(bad.stderr == "-c:2: unknown command \"frobnicate\"; type `help` for the list\n")
        #expect(!bad.stdout.contains("feature columns"))
    }

    @Test func pipedInputIsReadAsAScript() throws {
        let good = try aesh(input: "generate normal=30 anomalies=3 features=2 seed=1\ndescribe\n")
        #expect(good.status == 0 && good.stderr.isEmpty)
        #expect(good.stdout.contains("In [2]: describe"))
        let bad = try aesh(input: "generate normal=30 anomalies=3 features=2 seed=1\n\ntrain epochs=abc\ndescribe\n")
        #expect(bad.status == 1)
        #expect(bad.stderr == "<stdin>:3: train: epochs must be a whole number from 1 to 100000, got \"abc\"\n")
        #expect(!bad.stdout.contains("In [3]: describe"))
    }

    @Test func helpAndVersion() throws {
        let help = try aesh("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: aesh"))
        #expect(help.stdout.contains("--keep-going"))
        let version = try aesh("--version")
        #expect(version.status == 0)
        #expect(version.stdout == "aesh \(aeshVersion)\n")
        let unknown = try aesh("--frobnicate")
        #expect(unknown.status != 0 && unknown.status != 1)
        #expect(unknown.stderr.contains("Unknown option '--frobnicate'"))
    }

    @Test func anEmptyOutputFolderIsAUsageError() throws {
        // It used to put the plots of a script at the root of the file system.
        try copy("fails-on-line-3.aesh")
        let run = try aesh("--out", "", "fails-on-line-3.aesh")
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: --out must name a folder\n"))
        #expect(run.stdout.isEmpty)
    }

    @Test func aMissingOrBinaryScriptExits1() throws {
        let missing = try aesh("missing.aesh")
        #expect(missing.status == 1)
        #expect(missing.stderr == "missing.aesh: no such file\n")
        try copy("garbage.bin")
        let garbage = try aesh("garbage.bin")
        #expect(garbage.status == 1)
        #expect(garbage.stderr == "garbage.bin: not a text script (a zero byte at offset 95)\n")
    }

    @Test(arguments: [
        ("unterminated-quote.aesh", "unterminated-quote.aesh:2: unterminated quote starting at column 6\n"),
        ("bad-utf8.aesh", "bad-utf8.aesh: not a text script (not valid UTF-8)\n"),
        ("garbage-no-nul.bin", "garbage-no-nul.bin: not a text script (not valid UTF-8)\n"),
    ])
    func aBrokenScriptExits1(file: String, message: String) throws {
        try copy(file)
        let run = try aesh(file)
        #expect(run.status == 1)
        #expect(run.stderr == message)
    }

    @Test func aScriptThatRunsItselfStopsWithOneLocation() throws {
        try copy("runs-itself.aesh")
        let run = try aesh("runs-itself.aesh")
        #expect(run.status == 1)
        #expect(run.stderr == "runs-itself.aesh:2: run: runs-itself.aesh is already running (a script that runs itself would never end)\n")
        try copy("mutual-a.aesh")
        try copy("mutual-b.aesh")
        let mutual = try aesh("mutual-a.aesh")
        #expect(mutual.status == 1)
        #expect(mutual.stderr == "mutual-a.aesh:1: mutual-b.aesh:1: run: mutual-a.aesh is already running (a script that runs itself would never end)\n")
    }

    @Test func endlessInputIsRefused() throws {
        let outcome = try AeshProcess.run([], in: folder, input: "", environment: [:], launcher: ["/bin/sh", "-c", "exec \"$0\" < /dev/zero"])
        #expect(!outcome.timedOut && !outcome.signaled)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "<stdin>: longer than 16 MB, too long for a script\n")
    }

    /// `aesh script | head -n 3`: the reader leaves after three lines; aesh must end quietly, with
    /// the broken pipe's status 141 as a shell reports it, and run none of the later commands.
    @Test func anEarlyClosingReaderEndsAeshQuietly() throws {
        _ = try #require(AeshProcess.executable, "build aesh first: swift build")
        let script = folder + "/long.aesh"
        try ("generate normal=30 anomalies=3 features=2 seed=1\n" + String(repeating: "describe\n", count: 400)
             + "history save after.aesh\n")
            .write(toFile: script, atomically: true, encoding: .utf8)
        let run = try AeshProcess.runUntilReaderLeaves([script], in: folder)
        #expect(run.ended)
        #expect(run.received.hasPrefix("In [1]: generate"))
        #expect(run.reason == .exit, "ended by signal \(run.status)")
        #expect(run.status == 141)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/after.aesh"), "the script went on after the pipe broke")
    }

    @Test func noEscapeCodesWhenNotATerminal() throws {
        let run = try aesh("-c", "generate normal=30 anomalies=3 features=2 seed=1; describe; frobnicate")
        #expect(run.status == 1)
        #expect(!run.stdout.contains("\u{1b}") && !run.stderr.contains("\u{1b}"))
        #expect(run.stderr.contains("unknown command"))
    }

    @Test func noColorIsRespectedOnATerminal() throws {
        // On a terminal errors are red, unless NO_COLOR is set.
        let coloured = try AeshProcess.runOnTerminal(["-c", "frobnicate"], in: folder)
        #expect(coloured.status == 1)
        #expect(String(decoding: coloured.bytes, as: UTF8.self).contains("\u{1b}[31m-c:1: unknown command"))
        let plain = try AeshProcess.runOnTerminal(["-c", "generate normal=30 anomalies=3 features=2 seed=1; frobnicate"],
                                                  in: folder, environment: ["NO_COLOR": "1"])
        #expect(plain.status == 1)
        let text = String(decoding: plain.bytes, as: UTF8.self)
        #expect(text.contains("-c:2: unknown command \"frobnicate\""))
        #expect(!text.contains("\u{1b}"), "\(text.debugDescription)")
    }

    /// As root every file is readable, so the check runs aesh as `nobody` through setpriv.
    @Test func anUnreadableFileIsNamed() throws {
        for name in ["secret.csv", "secret.aemodel", "secret.aesh"] {
            let path = folder + "/" + name
            try "a,b\n1,2\n".write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0)
        }
        chmod(folder, 0o755)
        var launcher: [String] = []
        if getuid() == 0 {
            try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs setpriv to drop root")
            launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        let run = try AeshProcess.run(["--keep-going", "-c", "load secret.csv; open secret.aemodel; run secret.aesh"],
                                      in: folder, launcher: launcher)
        #expect(!run.timedOut && !run.signaled)
        #expect(run.status == 1)
        #expect(run.stderr == """
        -c:1: load: secret.csv: permission denied
        -c:2: open: secret.aemodel: permission denied
        -c:3: run: secret.aesh: permission denied

        """)
    }

    @Test(arguments: BadInput.unloadableFiles)
    func aBadDataFileFailsTheProcess(_ bad: BadDataFile) throws {
        let path = BadInput.path(bad.file)
        let run = try aesh("-c", "load \"\(path)\" \(bad.options); describe")
        #expect(run.status == 1)
        #expect(run.stderr == "-c:1: load: \(path)\(bad.problem)\n")
        #expect(run.stdout.isEmpty)
    }

    @Test(arguments: BadInput.unopenableModels)
    func aBadModelFileFailsTheProcess(file: String, problem: String) throws {
        let path = BadInput.path(file)
        let run = try aesh("-c", "open \"\(path)\"")
        #expect(run.status == 1)
        #expect(run.stderr == "-c:1: open: \(path)\(problem)\n")
    }
}
