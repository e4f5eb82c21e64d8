import Foundation
import Testing
@testable import AeshShell

/// Every command's keys (and every setting) are declared once; usage, help, the checks and the
/// typed reads all come from that declaration. A command body reads its keys through key paths into
/// its own key set, so a misspelt or undeclared key does not compile; these tests check the rest
/// over the whole registry.
@Suite struct KeyDeclarationTests {
    @Test(arguments: CommandRegistry.all.map(\.name))
    func everyKeyIsDeclaredOnceAndShownInUsageAndHelp(command: String) throws {
        let spec = try #require(CommandRegistry.all.first { $0.name == command })
        #expect(spec.keySetPropertyCount == spec.keys.count, "\(command)'s key set holds something that is not a key")
        #expect(Set(spec.keys.map(\.name)).count == spec.keys.count, "\(command) declares a key twice")
        #expect(spec.usage.hasPrefix(command))
        let harness = try ShellHarness()
        #expect(harness.execute("help \(command)"))
        let help = harness.console.output
        #expect(help.contains(spec.usage))
        for key in spec.keys {
            #expect(spec.usage.contains("\(key.name)="), "\(command)'s usage lacks \(key.name)=")
            #expect(help.contains("\(key.name)=\(key.value)  "), "help \(command) lacks \(key.name)=\(key.value)")
            #expect(help.contains(key.description), "help \(command) lacks the line of \(key.name)")
            #expect(!key.summary.isEmpty)
            if let fallback = key.defaultValue {
                #expect(throws: Never.self, "\(command) \(key.name)'s default \(fallback) fails its own check") {
                    try key.check(fallback)
                }
            }
        }
    }

    @Test func theDeclaredDefaultIsWhatACommandReads() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=20 anomalies=2 features=2 seed=1") == 0, "\(harness.console.errors)")
        // The usage line shows the default that `train` uses when given no key.
        let spec = try #require(CommandRegistry.all.first { $0.name == "train" })
        #expect(spec.usage.contains("[batch=32]"))
        let arguments = try Arguments(#require(try Invocation.parse("train batch=8")), spec: spec)
        let keyed = KeyedArguments<TrainKeys>(arguments)
        #expect(try keyed.value(\.batch) == 8)
        #expect(try keyed.value(\.lr) == 0.001)
        #expect(try keyed.value(\.epochs) == nil, "epochs has no fixed default: train picks about 3,000 Adam steps")
        #expect(try keyed.value(\.patience) == nil)
        #expect(try keyed.value(\.seed, or: 7) == 7)
    }

    @Test func valuesAreCheckedAgainstTheirDeclarationBeforeTheCommandRuns() throws {
        let harness = try ShellHarness()
        // No data is loaded, yet the bad value is what is reported: the check needs no command body.
        #expect(!harness.execute("train epochs=0"))
        #expect(harness.console.errors.contains("train: epochs must be a whole number from 1 to 100000, got \"0\""))
        #expect(!harness.execute("export out/x.csv what=pictures"))
        #expect(harness.console.errors.contains("what must be scores, latent, embedding, got \"pictures\""))
    }

    @Test func exclusiveEndsAreSaidAndRefused() throws {
        let bounds = NumberBounds(0...1, excluding: [.lower, .upper])
        #expect(bounds.phrase == "greater than 0 and less than 1")
        #expect(!bounds.contains(0) && !bounds.contains(1) && bounds.contains(0.5) && !bounds.contains(.nan))
        #expect(NumberBounds(0...1, excluding: [.upper]).phrase == "at least 0 and less than 1")
        #expect(throws: ShellError("test must be a number greater than 0 and less than 1, got \"1\"")) {
            try KeyValues.number("1", key: "test", in: bounds)
        }
    }

    @Test func settingsComeFromTheirDeclarations() throws {
        var settings = Settings()
        for setting in Settings.all {
            // Each default is what a fresh session shows and passes its own check.
            let shown = try #require(settings.listing.first { $0.0 == setting.spec.name }?.1)
            #expect(shown == setting.spec.defaultValue)
            try settings.set(setting.spec.name, to: shown)
        }
        #expect(settings == Settings())
        let harness = try ShellHarness()
        #expect(harness.execute("help set"))
        for setting in Settings.all {
            #expect(harness.console.output.contains(setting.spec.description))
        }
        #expect(throws: ShellError("plot must be auto, text, window, sixel, got \"windw\" (did you mean window?)")) {
            try settings.set("plot", to: "windw")
        }
        #expect(throws: ShellError("out must name a folder")) { try settings.set("out", to: "") }
    }

    @Test func listsAndChoicesParseToTheirValues() throws {
        #expect(try KeyValues.list("a, b,c", key: "ignore") == ["a", "b", "c"])
        #expect(throws: ShellError("ignore must list column names separated by commas, got \"a,,b\"")) {
            try KeyValues.list("a,,b", key: "ignore")
        }
        #expect(try KeyValues.choice("\t", key: "delimiter", from: [",", "tab"], aliases: ["\t": "tab"]) == "tab")
    }
}
