import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// The real data sets of data/ load as data/README.md describes them, and the tutorial's
/// real-data part (scripts/real-data.aesh) runs on them with the defaults.
struct DataFolderTests {
    @Test(arguments: [("sonar.csv", 208, 60, 111), ("vehicle.csv", 846, 18, 199)])
    func dataSetsLoadAsDocumented(file: String, rows: Int, columns: Int, anomalies: Int) throws {
        let harness = try ShellHarness()
        #expect(harness.run("load \(ShellHarness.repositoryRoot)/data/\(file) label=label") == 0, "\(harness.console.errors)")
        let data = try #require(harness.shell.session.data)
        #expect(data.rowCount == rows)
        #expect(data.columnCount == columns)
        #expect(data.labels?.filter { $0 == 1 }.count == anomalies)
    }

    @Test func realDataScriptRunsWithTheDefaults() throws {
        let harness = try ShellHarness()
        harness.shell.baseDirectory = ShellHarness.repositoryRoot
        let lines = try Shell.readScript(path: ShellHarness.repositoryRoot + "/scripts/real-data.aesh")
        #expect(harness.shell.runScript(lines, file: "real-data.aesh", options: ScriptRunOptions(echo: true)) == 0,
                "\(harness.console.errors)")
        let output = harness.console.output
        #expect(output.contains("no `scale` given: min-max scaling fitted on the 453 training rows"), "\(output)")
        #expect(output.contains("no `model` given: using a seed ensemble of 5 networks 18 → 9 → 4 → 9 → 18 (relu, sigmoid output)"))
        #expect(output.contains("`scale standard` and no `model`: the default network scales its input itself, min-max fitted on the 453 training rows"),
                "standard scaling: the default network fits its own min-max scaling")
        let evaluation = try #require(harness.shell.session.evaluation)
        #expect(try #require(evaluation.rocAUC) > 0.5)
    }
}
