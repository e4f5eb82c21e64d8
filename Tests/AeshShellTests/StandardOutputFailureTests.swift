import Foundation
import Testing

/// Standard output that cannot be written (a full device, a closed descriptor) is an error: aesh
/// says so on standard error, exits 1 and runs none of the script's later commands.
@Suite(.enabled(if: AeshProcess.executable != nil, "build aesh first: swift build"))
final class StandardOutputFailureTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "aesh-stdout-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "generate normal=30 anomalies=3 features=2 seed=1\ndescribe\nhistory save after.aesh\n"
            .write(toFile: folder + "/s.aesh", atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs `aesh s.aesh` with its standard output redirected by the shell as `redirection` says.
    func run(redirecting redirection: String) throws -> ProcessOutcome {
        try AeshProcess.run(["s.aesh"], in: folder, launcher: ["/bin/sh", "-c", "exec \"$0\" \"$@\" \(redirection)"])
    }

    @Test func aFullDeviceIsAnError() throws {
        let outcome = try run(redirecting: ">/dev/full")
        #expect(!outcome.timedOut && !outcome.signaled)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "aesh: cannot write to standard output: No space left on device\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/after.aesh"))
    }

    @Test func aClosedStandardOutputIsAnError() throws {
        let outcome = try run(redirecting: ">&-")
        #expect(!outcome.timedOut && !outcome.signaled)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "aesh: cannot write to standard output: it is closed\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/after.aesh"))
    }
}
