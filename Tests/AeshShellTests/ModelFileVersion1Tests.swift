import Foundation
import Testing
@testable import AeshShell

/// A model file written by version 1 of the format still opens and scores exactly as it did.
@Suite struct ModelFileVersion1Tests {
    static let fixtures = ShellHarness.repositoryRoot + "/Tests/Fixtures/model-v1"

    @Test func version1FileScoresBitIdentically() throws {
        let harness = try ShellHarness()
        let failures = harness.run("""
            open \(Self.fixtures)/model-v1.aemodel
            load \(Self.fixtures)/model-v1-score.csv label=anomaly
            errors on=all top=0
            export out/scores.csv
            """)
        #expect(failures == 0, "\(harness.console.output)\(harness.console.errors)")
        let expected = try String(contentsOfFile: Self.fixtures + "/model-v1-scores.csv", encoding: .utf8)
        let written = try #require(harness.read("out/scores.csv"))
        // Compare the numbers as Doubles, bit for bit, and the rest of each line as text.
        let expectedLines = expected.split(separator: "\n"), writtenLines = written.split(separator: "\n")
        #expect(writtenLines.count == expectedLines.count)
        #expect(expectedLines.count == 121)
        for (got, want) in zip(writtenLines.dropFirst(), expectedLines.dropFirst()) {
            let g = got.split(separator: ",", omittingEmptySubsequences: false)
            let w = want.split(separator: ",", omittingEmptySubsequences: false)
            #expect(g.count == 4 && w.count == 4)
            guard g.count == 4, w.count == 4 else { continue }
            #expect(g[0] == w[0] && g[2] == w[2] && g[3] == w[3], "\(got) vs \(want)")
            let gotError = try #require(Double(String(g[1]))), wantError = try #require(Double(String(w[1])))
            #expect(gotError.bitPattern == wantError.bitPattern, "row \(w[0]): \(gotError) vs \(wantError)")
        }
        #expect(writtenLines.first == expectedLines.first)
        // The threshold and its rule came from the file, not from the new rows.
        #expect(harness.shell.session.threshold?.rule == .percentile(0.9))
    }
}
