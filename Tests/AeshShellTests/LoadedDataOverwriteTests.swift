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
