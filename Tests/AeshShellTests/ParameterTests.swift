import Foundation
import Testing
@testable import AeshShell

/// `param` declares a script's parameters; `${name}` expands; `--param` overrides; history
/// records the values used.
struct ParameterTests {
    private let script = """
    param features=3 epochs=2
    generate normal=50 anomalies=5 features=${features} seed=1
    train epochs=${epochs} seed=1
    """

    @Test func defaultsExpandInLaterLines() throws {
        let harness = try ShellHarness()
        #expect(harness.run(script) == 0, "\(harness.console.errors)")
        #expect(harness.shell.session.data?.columnCount == 3)
        #expect(harness.shell.session.model?.history.count == 2)
        #expect(harness.shell.session.history == ["param features=3 epochs=2",
                                                   "generate normal=50 anomalies=5 features=3 seed=1",
                                                   "train epochs=2 seed=1"])
    }

    @Test func anOverrideReplacesTheDefaultAndHistoryRecordsIt() throws {
        let harness = try ShellHarness()
        harness.shell.session.parameters = ScriptParameters(overrides: ["epochs": "4"])
        #expect(harness.run(script) == 0, "\(harness.console.errors)")
        #expect(harness.shell.session.model?.history.count == 4)
        #expect(harness.console.output.contains("epochs=4 (given on the command line; default 2)"))
        #expect(harness.shell.session.history.first == "param features=3 epochs=4")
    }

    @Test func anUndeclaredNameIsAnErrorAtItsLine() throws {
        let harness = try ShellHarness()
        #expect(harness.run("param a=1\ngenerate features=${b}", name: "p.aesh") == 1)
        #expect(harness.console.errors.contains("p.aesh:2: ${b} is not a declared parameter: the declared parameters are a"), "\(harness.console.errors)")
        #expect(harness.shell.session.data == nil)
    }

    @Test func badDeclarationsAreRefused() throws {
        let harness = try ShellHarness()
        #expect(!harness.execute("param 1x=3"))
        #expect(!harness.execute("param a=1 a=2"))
        #expect(harness.shell.session.parameters.declared.isEmpty)
    }

    @Test func valuesWithSpacesAreQuotedInHistory() {
        var parameters = ScriptParameters()
        parameters.declare("path", default: "my data.csv")
        #expect(parameters.declarationLine(names: ["path"]) == "param path=\"my data.csv\"")
    }
}

@Suite(.enabled(if: AeshProcess.executable != nil, "build aesh first: swift build"))
final class ParameterOverrideProcessTests {
    let folder = NSTemporaryDirectory() + "aesh-param-" + UUID().uuidString

    init() throws { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: folder) }

    @Test func anOverrideOfNoDeclaredParameterStopsBeforeTheReplay() throws {
        try "param epochs=2\ngenerate normal=20 anomalies=2 seed=1\nexport g.csv what=scores\n".write(toFile: folder + "/s.aesh", atomically: true, encoding: .utf8)
        let outcome = try AeshProcess.run(["--param", "epoch=5", "s.aesh"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("--param epoch: the script declares no parameter epoch; it declares epochs"), "\(outcome.stderr)")
        #expect(!outcome.stdout.contains("In [1]"))
        let good = try AeshProcess.run(["--param", "epochs=3", "-c", "param epochs=1; generate normal=20 anomalies=2 seed=1; train epochs=${epochs}"], in: folder)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("for 3 epochs"), "\(good.stdout)")
    }
}
