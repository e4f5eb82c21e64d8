import Foundation
import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// `history save` writes what came from something that can change (the session's seed and output
/// folder), so the saved script replays to byte-identical exports under another --seed and --out.
@Suite struct ExactReplayTests {
    static let session = """
        generate normal=200 anomalies=20 features=4
        split test=0.25
        scale standard
        model 2
        train epochs=3
        errors
        export scores.csv
        tsne on=input rows=60 iterations=300
        export embedding.csv what=embedding
        history save saved.aesh
        """

    @Test func aSavedHistoryReplaysAlikeUnderAnotherSeedAndFolder() throws {
        let original = try ShellHarness()
        original.shell.session.settings.seed = 7
        original.shell.session.settings.outputFolder = "charts"
        #expect(original.run(Self.session) == 0, "\(original.console.errors)")
        let saved = try #require(original.read("saved.aesh"))
        #expect(saved.contains("\nset seed 7\nset out charts\n"))

        let replay = try ShellHarness()
        replay.shell.session.settings.seed = 99
        replay.shell.session.settings.outputFolder = "elsewhere"
        try replay.write("saved.aesh", saved)
        #expect(replay.execute("run saved.aesh"), "\(replay.console.errors)")
        for file in ["scores.csv", "embedding.csv"] {
            let first = try #require(original.read(file))
            #expect(replay.read(file) == first, "\(file) differs after the replay")
        }
        #expect(replay.shell.session.settings.seed == 7)

        // Without the settings it starts with, the same commands give other numbers under seed 99.
        let bare = try ShellHarness()
        bare.shell.session.settings.seed = 99
        let commands = saved.split(separator: "\n").filter { !$0.hasPrefix("set ") && !$0.hasPrefix("#") }
        #expect(bare.run(commands.joined(separator: "\n")) == 0, "\(bare.console.errors)")
        #expect(bare.read("scores.csv") != original.read("scores.csv"))
    }

    @Test func commandLinesAreWrittenBackAsTheSameWords() throws {
        let line = "load \"my data.csv\" label=is_anomaly delimiter=\";\" id='say \"hi\"' \"a=b\""
        let invocation = try #require(try Invocation.parse(line))
        #expect(try Invocation.parse(invocation.line) == invocation)
        let changed = invocation.setting("label", to: "y").setting("missing", to: "drop")
        #expect(changed.line == "load \"my data.csv\" \"a=b\" label=y delimiter=\";\" id='say \"hi\"' missing=drop")
    }

    @Test func anInterruptedTrainIsRecordedAsTheTrainingOfTheWeightsItKept() {
        let options = TrainingOptions(epochs: 500, batchSize: 16, learningRate: 0.0005, validationFraction: 0.2,
                                      patience: 30, seed: 3)
        #expect(CommandSpec.replayLine(epochs: 54, options: options)
                == "train epochs=54 batch=16 lr=0.0005 validation=0.2 patience=30 seed=3")
    }
}
