import Foundation
import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// The bad-input corpus (Tests/Fixtures/bad) in-process: every case fails with a message that
/// names what and where and leaves the session exactly as it was; the files that must load, load.
@Suite struct BadInputTests {
    // MARK: data files

    @Test(arguments: BadInput.unloadableFiles)
    func aBadDataFileIsRefused(_ bad: BadDataFile) throws {
        let harness = try BadInput.preparedHarness()
        let path = BadInput.path(bad.file)
        BadInput.expectRefused("load \"\(path)\" \(bad.options)", "load: \(path)\(bad.problem)", in: harness, exact: true)
    }

    @Test func aFarNameIsNotSuggestedForAMissingLabel() throws {
        let harness = try ShellHarness()
        BadInput.expectRefused("load \"\(BadInput.path("missing-label.csv"))\" label=label", "the columns are a, b", in: harness)
        #expect(!harness.console.errors.contains("did you mean"))
    }

    @Test func aFileThatCannotBeReadIsNamed() throws {
        // Tests run as root, which reads any file whatever its mode: /proc/self/mem fails to read
        // at offset 0 for everyone. ExecutableTests checks a chmod-000 file as an ordinary user.
        let harness = try BadInput.preparedHarness()
        BadInput.expectRefused("load /proc/self/mem", "load: /proc/self/mem: cannot be read (Input/output error)", in: harness, exact: true)
    }

    @Test func anEmptyPathIsAUsageError() throws {
        let harness = try BadInput.preparedHarness()
        BadInput.expectRefused(#"load """#, "load: usage: load PATH", in: harness, exact: true)
        BadInput.expectRefused(#"open """#, "open: usage: open PATH", in: harness, exact: true)
        BadInput.expectRefused(#"run """#, "run: usage: run FILE.aesh", in: harness, exact: true)
        BadInput.expectRefused(#"history save """#, "history: usage: history [save FILE.aesh]", in: harness, exact: true)
    }

    @Test func aBOMAndCRLFEndingsLoad() throws {
        let harness = try ShellHarness()
        BadInput.expectAccepted("load \"\(BadInput.path("bom-crlf.csv"))\" label=label", in: harness)
        let data = try #require(harness.shell.session.data)
        #expect(data.columnNames == ["a", "b"])
        #expect(data.features.values == [1, 2, 3, 4, 5, 6])
        #expect(data.labels == [0, 1, 0])
    }

    @Test func quotedFieldsMayHoldDelimiters() throws {
        let harness = try ShellHarness()
        BadInput.expectAccepted("load \"\(BadInput.path("quoted-delimiters.csv"))\" label=label", in: harness)
        let data = try #require(harness.shell.session.data)
        #expect(data.columnNames == ["id, x", "b;c"])
        #expect(data.features.values == [1.5, 2, 3, 4, 5, 6])
        #expect(data.labels == [0, 1, 0])
    }

    @Test func oneClassEvaluatesAndSaysWhyAUCIsUndefined() throws {
        let harness = try ShellHarness()
        #expect(harness.run("""
        load "\(BadInput.path("one-class.csv"))" label=label
        train epochs=1 validation=0
        errors top=0
        threshold 0.9
        """) == 0, "\(harness.console.errors)")
        let output = BadInput.expectAccepted("evaluate", in: harness)
        #expect(output.contains("ROC AUC undefined   PR AUC (average precision) undefined"))
        #expect(output.contains("note: ROC AUC and PR AUC are undefined: the scored rows are all normal (no anomalies)"))
        let evaluation = try #require(harness.shell.session.evaluation)
        #expect(evaluation.rocAUC == nil && evaluation.averagePrecision == nil)
    }

    @Test(arguments: ["standard", "minmax", "robust"])
    func aConstantColumnIsNotDividedByZero(method: String) throws {
        let harness = try ShellHarness()
        BadInput.expectAccepted("load \"\(BadInput.path("constant-column.csv"))\" label=label", in: harness)
        let output = BadInput.expectAccepted("scale \(method)", in: harness)
        #expect(output.contains(#"note: "flat" is constant on the training rows: it carries nothing for the model and is left unscaled"#), "\(output)")
        let scaler = try #require(harness.shell.session.scaler)
        #expect(scaler.scales[1] == 1 && scaler.constantColumns == [1])
        #expect(harness.run("train epochs=1 validation=0\nerrors top=0") == 0, "\(harness.console.errors)")
        #expect(try #require(harness.shell.session.scores).errors.allSatisfy(\.isFinite))
    }

    @Test func oneRowLoadsButCannotBeSplitOrTrained() throws {
        let harness = try ShellHarness()
        BadInput.expectAccepted("load \"\(BadInput.path("one-row.csv"))\" label=label", in: harness)
        #expect(BadInput.expectAccepted("describe", in: harness).contains("1 row × 2 feature columns"))
        BadInput.expectRefused("split", "split: need at least 2 rows to split, the data has 1", in: harness, exact: true)
        BadInput.expectRefused("train", "train: need at least 2 normal training rows, there is 1", in: harness, exact: true)
    }

    @Test(arguments: [("huge-range.csv", "minmax"), ("huge-offset.csv", "standard"), ("huge-offset.csv", "robust")])
    func valuesTooFarApartForFloatScalingAreRefusedByName(file: String, method: String) throws {
        // huge-range spans 6e38 (beyond Float32); huge-offset's centred values reach -4.5e38 or more.
        let harness = try ShellHarness()
        BadInput.expectAccepted("load \"\(BadInput.path(file))\"", in: harness)
        BadInput.expectRefused("scale \(method)", #"scale: \#(method) scaling of column "a": values from -3e+38 to 3e+38 are too far apart to scale in 32-bit floats"#, in: harness, exact: true)
    }

    // MARK: scripts

    @Test func aScriptThatRunsItselfStops() throws {
        let harness = try BadInput.preparedHarness()
        harness.shell.baseDirectory = BadInput.folder
        let path = BadInput.path("runs-itself.aesh")
        BadInput.expectRefused("run \"\(path)\"", "\(path):2: run: \(path) is already running (a script that runs itself would never end)", in: harness, exact: true)
    }

    @Test func twoScriptsThatRunEachOtherStop() throws {
        let harness = try ShellHarness()
        harness.shell.baseDirectory = BadInput.folder
        BadInput.expectRefused("run mutual-a.aesh", "\(BadInput.folder)/mutual-b.aesh:1: run: \(BadInput.folder)/mutual-a.aesh is already running", in: harness)
    }

    @Test func aRunScriptIsAllOrNothing() throws {
        // Line 1 generates data; line 2 has an unterminated quote: the data must not stay.
        let harness = try BadInput.preparedHarness()
        let path = BadInput.path("unterminated-quote.aesh")
        BadInput.expectRefused("run \"\(path)\"", "\(path):2: unterminated quote starting at column 6", in: harness, exact: true)
    }

    @Test(arguments: [
        ("bad-utf8.aesh", ": not a text script (not valid UTF-8)"),
        ("garbage.bin", ": not a text script (a zero byte at offset 95)"),
        ("garbage-no-nul.bin", ": not a text script (not valid UTF-8)"),
        ("no-such-script.aesh", ": no such file"),
        (".", ": is a directory, not a file"),
    ])
    func aScriptThatIsNotOneIsRefused(file: String, problem: String) throws {
        let harness = try BadInput.preparedHarness()
        let path = BadInput.path(file)
        BadInput.expectRefused("run \"\(path)\"", "run: \(path)\(problem)", in: harness, exact: true)
    }

    @Test func anEndlessScriptIsRefused() throws {
        let harness = try BadInput.preparedHarness()
        BadInput.expectRefused("run /dev/zero", "run: /dev/zero: longer than 16 MB, too long for a script", in: harness, exact: true)
    }

    @Test func unterminatedQuotesAreRefused() throws {
        let harness = try BadInput.preparedHarness()
        BadInput.expectRefused("set out 'abc", "unterminated quote starting at column 9", in: harness, exact: true)
        BadInput.expectRefused(#"train epochs="5"#, "unterminated quote starting at column 14", in: harness, exact: true)
    }

    // MARK: model files

    @Test(arguments: BadInput.unopenableModels)
    func aBadModelFileIsRefused(file: String, problem: String) throws {
        let harness = try BadInput.preparedHarness()
        let path = BadInput.path(file)
        BadInput.expectRefused("open \"\(path)\"", "open: \(path)\(problem)", in: harness, exact: true)
    }

    @Test func anEndlessDeviceIsNotAModel() throws {
        let harness = try BadInput.preparedHarness()
        BadInput.expectRefused("open /dev/zero", "open: /dev/zero: not an aesh model file", in: harness)
    }

    @Test func theGoodModelFixtureStillOpens() throws {
        let harness = try ShellHarness()
        let output = BadInput.expectAccepted("open \"\(BadInput.path("three-columns.aemodel"))\"", in: harness)
        #expect(output.contains("3 → 2 → 3, standard scaling, threshold"))
    }

    @Test func dataLackingTheModelsColumnsDropsTheOpenedModel() throws {
        let harness = try ShellHarness()
        let model = BadInput.path("three-columns.aemodel")
        BadInput.expectAccepted("open \"\(model)\"", in: harness)
        let loaded = BadInput.expectAccepted("load \"\(BadInput.path("two-columns.csv"))\"", in: harness)
        #expect(loaded.contains("new data: dropped the model opened from \(model) (3 → 2 → 3)"))
        #expect(harness.shell.session.model == nil)
        #expect(harness.shell.session.scaler == nil)
    }

    @Test func aModelOpenedOverNarrowerDataCannotScoreIt() throws {
        let harness = try ShellHarness()
        BadInput.expectAccepted("load \"\(BadInput.path("two-columns.csv"))\"", in: harness)
        let opened = BadInput.expectAccepted("open \"\(BadInput.path("three-columns.aemodel"))\"", in: harness)
        #expect(opened.contains(#"note: the loaded data lacks "x2"; load data with the model's columns to score it"#))
        BadInput.expectRefused("errors", #"errors: the data lacks the model's column "x2"; the model was trained on "x0", "x1", "x2""#, in: harness, exact: true)
    }

    @Test func aModelOpenedOverWiderDataSaysWhichColumnsItIgnores() throws {
        let harness = try ShellHarness()
        BadInput.expectAccepted("generate normal=20 anomalies=2 features=5 seed=1", in: harness)
        BadInput.expectAccepted("open \"\(BadInput.path("three-columns.aemodel"))\"", in: harness)
        let output = BadInput.expectAccepted("errors top=0", in: harness)
        #expect(output.contains(#"note: the columns do not match: the model uses 3 of the data's 5 columns; "x3", "x4" are ignored"#))
    }

    // MARK: commands before their prerequisites (beyond CommandOrderTests)

    @Test(arguments: [
        ("", "plot loss", "plot: no training history: run `train` first"),
        ("", "plot errors", "plot: no reconstruction errors yet: run `errors` first"),
        ("", "plot scores", "plot: no data yet: load a file with `load PATH` or make some with `generate`"),
        ("", "plot roc", "plot: no reconstruction errors yet: run `errors` first"),
        ("", "plot pr", "plot: no reconstruction errors yet: run `errors` first"),
        ("", "plot tsne", "plot: no t-SNE embedding yet: run `tsne` first"),
        ("", "export out/e.csv what=embedding", "export: no t-SNE embedding yet: run `tsne` first"),
        ("generate normal=20 anomalies=2 features=2 seed=1", "export out/l.csv what=latent",
         "export: no model yet: train one with `train` or open a saved one with `open PATH`"),
        ("generate normal=20 anomalies=2 features=2 seed=1\ntrain epochs=1", "errors on=test",
         "errors: there is no test part: run `split` first, or use on=all"),
        ("load \"\(BadInput.path("missing-label.csv"))\"\ntrain epochs=1 validation=0\nerrors", "plot roc",
         "plot: roc curves need labels: load the data with label=COLUMN"),
        ("generate normal=20 anomalies=2 features=3 seed=1\nopen \"\(BadInput.path("three-columns.aemodel"))\"", "scale minmax",
         "scale: the open model (\(BadInput.path("three-columns.aemodel"))) brings its own scaler; scaling differently would feed it data it was not trained on"),
    ])
    func aCommandBeforeItsPrerequisiteIsRefused(setup: String, line: String, message: String) throws {
        let harness = try ShellHarness()
        #expect(harness.run(setup) == 0, "\(harness.console.errors)")
        BadInput.expectRefused(line, message, in: harness, exact: true)
    }

    // MARK: numeric arguments

    @Test(arguments: BadInputArguments.refused)
    func aBadNumberIsRefused(line: String, message: String) throws {
        let harness = try BadInput.preparedHarness()
        BadInput.expectRefused(line, message, in: harness, exact: true)
    }

    @Test(arguments: BadInputArguments.accepted)
    func aBoundaryNumberIsAccepted(line: String) throws {
        let harness = try BadInput.preparedHarness()
        BadInput.expectAccepted(line, in: harness)
    }
}

/// Trying to break things beyond the corpus: sizes that would exhaust memory, odd names, and
/// writes that cannot happen. Each is refused with a reason, or works.
@Suite struct BadInputBeyondTests {
    @Test func aNetworkTooLargeToTrainIsRefusedBeforeAllocating() throws {
        let harness = try BadInput.preparedHarness()
        BadInput.expectAccepted("model 100000,100000", in: harness)
        BadInput.expectRefused("train epochs=1", "train: a 3 → 100000 → 100000 → 3 network with batches of 32 rows needs about 280 GB to train, more than the 4 GB aesh allows: choose smaller layers with `model` or a smaller batch=", in: harness, exact: true)
    }

    @Test func oddColumnNamesGoThroughTheWholeMethod() throws {
        let harness = try ShellHarness()
        let names = ["温度", "e\u{301}", "👩‍👩‍👧", #""q""uote""#, #"'; system('ls') #"#, "\u{202E}RTL", "label"]
        var generator = SeededGenerator(seed: 4)
        var csv = names.joined(separator: ",") + "\n"
        for row in 0..<40 {
            let cells = (0..<6).map { _ in String(format: "%.3f", generator.nextNormal()) }
            csv += cells.joined(separator: ",") + (row % 10 == 0 ? ",1\n" : ",0\n")
        }
        try harness.write("odd.csv", csv)
        #expect(harness.run("""
        load odd.csv label=label
        describe
        split seed=4
        scale robust
        model 3
        train epochs=1
        errors top=3
        threshold best-f1
        evaluate
        export out/odd-scores.csv
        save out/odd.aemodel
        open out/odd.aemodel
        export out/odd-latent.csv what=latent
        """) == 0, "\(harness.console.errors)")
        let data = try #require(harness.shell.session.data)
        #expect(data.columnNames == ["温度", "e\u{301}", "👩‍👩‍👧", #"q"uote"#, #"'; system('ls') #"#, "\u{202E}RTL"])
        #expect(harness.shell.session.model?.columns == data.columnNames)
        #expect(harness.read("out/odd-latent.csv")?.hasPrefix("row,z1,z2,z3,label\n") == true)
    }

    @Test func writesThatCannotHappenAreRefused() throws {
        let harness = try BadInput.preparedHarness()
        try FileManager.default.createDirectory(atPath: harness.folder + "/folder", withIntermediateDirectories: true)
        try harness.write("file.txt", "x")
        let f = harness.folder
        BadInput.expectRefused("export folder", "export: cannot write \(f)/folder: it is a folder", in: harness, exact: true)
        BadInput.expectRefused("save folder", "save: cannot write \(f)/folder: it is a folder", in: harness, exact: true)
        BadInput.expectRefused("history save folder", "history: cannot write \(f)/folder: it is a folder", in: harness, exact: true)
        BadInput.expectRefused("save missing/m.aemodel", "save: cannot write \(f)/missing/m.aemodel: folder \(f)/missing does not exist", in: harness, exact: true)
        BadInput.expectRefused("export file.txt/x.csv", "export: cannot write \(f)/file.txt/x.csv: \(f)/file.txt is a file, not a folder", in: harness, exact: true)
        BadInput.expectRefused("plot loss to=missing/l.png", "plot: cannot write \(f)/missing/l.png: the folder \(f)/missing does not exist (create it, or choose another with `set out DIR`, --out DIR or to=FILE)", in: harness, exact: true)
        #expect(!FileManager.default.fileExists(atPath: f + "/missing"))
    }

    @Test func aFailedSaveKeepsTheEarlierFile() throws {
        let harness = try BadInput.preparedHarness()
        BadInput.expectAccepted("save out/m.aemodel", in: harness)
        let earlier = try #require(harness.read("out/m.aemodel"))
        // Block the temporary file the next save would write (same folder, this process's id).
        let temporary = harness.folder + "/out/.m.aemodel.tmp-\(getpid())"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        BadInput.expectAccepted("train epochs=1 seed=9", in: harness)
        BadInput.expectRefused("save out/m.aemodel", "save: cannot write \(harness.folder)/out/m.aemodel: cannot write in \(harness.folder)/out", in: harness)
        #expect(harness.read("out/m.aemodel") == earlier)
    }

    @Test func aScriptPlotIntoAMissingOutputFolderFailsWithItsLine() throws {
        let harness = try BadInput.preparedHarness()
        #expect(harness.run("set out nowhere\nplot loss", name: "p.aesh") == 1)
        #expect(harness.console.errors.hasSuffix("p.aesh:2: plot: cannot write \(harness.folder)/nowhere/p-02-loss.png: the folder \(harness.folder)/nowhere does not exist (create it, or choose another with `set out DIR`, --out DIR or to=FILE)\n"))
    }

    @Test func aVeryLongUnknownCommandIsRefused() throws {
        let harness = try BadInput.preparedHarness()
        let line = String(repeating: "x", count: 100_000)
        BadInput.expectRefused(line, "unknown command \"\(line.prefix(40))…\"; type `help` for the list", in: harness, exact: true)
    }
}
