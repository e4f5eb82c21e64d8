import Foundation
import Testing

/// A result must not depend on what ran before it in the process: the same `tsne` gives the same
/// coordinates whether or not a `train` ran earlier. Each run is a fresh process, because the
/// state that once leaked (OpenBLAS's thread count, changed by the first network product) is
/// process-wide and the test process's own has long been set by other tests.
@Suite(.enabled(if: AeshProcess.executable != nil, "build aesh first: swift build"))
final class ResultIndependenceTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "aesh-independence-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs `commands` in a fresh aesh and returns the embedding it exported.
    func embedding(after commands: String, file: String) throws -> String {
        let generate = "generate normal=500 anomalies=20 features=20 seed=3"
        let tsne = "tsne on=input seed=1 iterations=30; export \(file) what=embedding"
        let outcome = try AeshProcess.run(["-c", "\(generate); \(commands)\(tsne)"], in: folder)
        #expect(outcome.status == 0 && !outcome.timedOut, "\(outcome.stderr)")
        return try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
    }

    @Test func tsneGivesTheSameCoordinatesWithOrWithoutAnEarlierTrain() throws {
        let alone = try embedding(after: "", file: "alone.csv")
        // `scale none`: without it train fits its default min-max scaling, which tsne on=input then uses.
        let afterTraining = try embedding(after: "scale none; model 8; train epochs=1; ", file: "after-train.csv")
        #expect(alone.split(separator: "\n").count == 521)
        #expect(alone == afterTraining)
    }
}
