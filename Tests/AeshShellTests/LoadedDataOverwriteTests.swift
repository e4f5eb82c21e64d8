import Foundation
import Testing
@testable import AeshShell

/// The file the session's data came from is never written over: `export`, `save` and
/// `history save` onto it, under any spelling or through a link, are refused naming it, and the
/// file and the session stay as they were.
@Suite struct LoadedDataOverwriteTests {
    static let source = "a,b,label\n" + (0..<40).map { "\(Double($0) / 10),\(Double($0 % 7)),\($0 % 10 == 0 ? 1 : 0)\n" }.joined()

    func prepared() throws -> ShellHarness {
        let harness = try ShellHarness()
        try harness.write("src.csv", Self.source)
        try harness.write("other.csv", Self.source)
        #expect(symlink("src.csv", harness.folder + "/alias.csv") == 0)
        #expect(harness.run("load src.csv label=label\nmodel 2\ntrain epochs=1 seed=1\nerrors") == 0, "\(harness.console.errors)")
        return harness
    }

    @Test(arguments: [
        ("export src.csv", "export: src.csv is the loaded data file: refusing to overwrite it; write to another file"),
        ("export ./src.csv what=latent", "export: ./src.csv is the loaded data file (src.csv): refusing to overwrite it; write to another file"),
        ("export alias.csv", "export: alias.csv is the loaded data file (src.csv): refusing to overwrite it; write to another file"),
        ("save src.csv", "save: src.csv is the loaded data file: refusing to overwrite it; write to another file"),
        ("history save src.csv", "history: src.csv is the loaded data file: refusing to overwrite it; write to another file"),
        ("score other.csv to=alias.csv", "score: alias.csv is the loaded data file (src.csv): refusing to overwrite it; write to another file"),
    ])
    func aWriteOntoTheLoadedFileIsRefused(_ line: String, _ message: String) throws {
        let harness = try prepared()
        let before = harness.fingerprint
        #expect(!harness.execute(line))
        #expect(harness.console.errors.hasSuffix(message + "\n"), "\(harness.console.errors)")
        #expect(harness.read("src.csv") == Self.source)
        #expect(harness.fingerprint == before)
    }

    @Test func anotherFileIsWritten() throws {
        let harness = try prepared()
        #expect(harness.execute("export scores.csv"), "\(harness.console.errors)")
        #expect(harness.read("scores.csv")?.hasPrefix("row,error,predicted,label\n") == true)
    }
}

/// The script being replayed is never written over either (a new-user trial found a script whose
/// `history save` named itself rewriting itself as it ran).
@Suite struct RunningScriptOverwriteTests {
    @Test(arguments: ["history save self.aesh", "export ./self.aesh", "save self.aesh"])
    func aWriteOntoTheRunningScriptIsRefused(_ line: String) throws {
        let harness = try ShellHarness()
        let script = "generate normal=30 anomalies=3 features=3 seed=1\ntrain epochs=1\nerrors\n\(line)\n"
        let path = try harness.write("self.aesh", script)
        #expect(harness.shell.runScriptFile(path: path, options: ScriptRunOptions(echo: false, keepGoing: false)) != 0)
        #expect(harness.console.errors.contains("is the script being run: refusing to overwrite it"), "\(harness.console.errors)")
        #expect(harness.read("self.aesh") == script)
    }

    @Test func aScriptRunByAnotherIsProtectedToo() throws {
        let harness = try ShellHarness()
        try harness.write("inner.aesh", "history save inner.aesh\n")
        let outer = try harness.write("outer.aesh", "generate normal=30 anomalies=3 seed=1\nrun inner.aesh\n")
        #expect(harness.shell.runScriptFile(path: outer, options: ScriptRunOptions(echo: false, keepGoing: false)) != 0)
        #expect(harness.read("inner.aesh") == "history save inner.aesh\n")
        #expect(harness.console.errors.contains("inner.aesh is the script being run"), "\(harness.console.errors)")
    }
}
