import Foundation
@testable import AeshShell
@testable import AutoencoderKit

/// A shell run in-process in its own temporary folder, with its output captured.
final class ShellHarness {
    let console = BufferConsole()
    let shell: Shell
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "aesh-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        shell = Shell(console: console)
        shell.baseDirectory = folder
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs script text as `name`; returns the number of failed commands.
    @discardableResult
    func run(_ script: String, name: String = "test.aesh", keepGoing: Bool = false) -> Int {
        shell.runScript(ScriptLines.split(script), file: name, options: ScriptRunOptions(echo: false, keepGoing: keepGoing))
    }

    /// Runs one command line; returns whether it succeeded.
    @discardableResult
    func execute(_ line: String) -> Bool { shell.execute(line) }

    /// Writes a file into the test folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The text of a file in the test folder.
    func read(_ name: String) -> String? {
        try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }

    /// A summary of everything the session holds, to check that a failed command changed nothing.
    var fingerprint: String { Self.fingerprint(shell.session) }

    static func fingerprint(_ s: Session) -> String {
        var parts: [String] = []
        parts.append("settings=\(s.settings)")
        parts.append("data=\(s.data.map { "\($0.rowCount)x\($0.columnCount):\($0.features.values.prefix(3))" } ?? "nil")")
        parts.append("source=\(s.dataSource ?? "nil")")
        parts.append("split=\(s.split.map { "\($0.trainIndices.count)/\($0.testIndices.count)" } ?? "nil")")
        parts.append("scaler=\(s.scaler.map { "\($0.method):\($0.offsets.prefix(2))" } ?? "nil")")
        parts.append("arch=\(String(describing: s.architecture))")
        parts.append("net=\(s.network.map { "\($0.parameterCount):\($0.layers.first?.dense?.weights.prefix(2) ?? [])" } ?? "nil")")
        parts.append("scores=\(s.scores.map { "\($0.part):\($0.errors.count)" } ?? "nil")")
        parts.append("threshold=\(String(describing: s.threshold))")
        parts.append("evaluation=\(s.evaluation != nil)")
        parts.append("history=\(s.history)")
        return parts.joined(separator: "|")
    }

    /// The repository's root folder (for scripts/ and Tests/Fixtures).
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }
}
