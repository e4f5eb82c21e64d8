import Foundation
import Testing
@testable import AeshShell
@testable import AutoencoderKit

/// `plot` through the shell, with the real gnuplot: every chart kind in every file format, text at
/// the prompt, script-mode file names, hostile names, and a missing or failing gnuplot.
@Suite(.needsGnuplot) struct PlotTests {
    @Test(arguments: PlotFixtures.kinds) func pngHasTheAskedSizeAndTheChartsColours(kind: String) throws {
        let harness = try PlotFixtures.trained()
        #expect(harness.execute("plot \(kind) to=out/\(kind).png size=640x400"), "\(harness.console.errors)")
        #expect(!harness.console.errors.contains("gnuplot"), "gnuplot warned: \(harness.console.errors)")
        let png = try PlotPNG(try PlotFixtures.data(harness, "out/\(kind).png"))
        #expect(png.width == 640 && png.height == 400)
        #expect(png.colours.count > 10)
        let blue = png.count { r, _, b in b > r + 40 }
        let red = png.count { r, g, b in r > b + 60 && r > g + 60 }
        let green = png.count { r, g, b in g > r + 60 && g > b + 60 }
        #expect(blue > 50, "the normal rows / curve colour is missing")
        if kind != "loss" { #expect(red > 20, "the anomaly / operating point colour is missing") }
        if ["loss", "errors", "scores"].contains(kind) { #expect(green > 10, "the threshold / best epoch colour is missing") }
        // The background is white and most of the picture.
        #expect(png.count { r, g, b in r == 255 && g == 255 && b == 255 } > png.width * png.height / 3)
    }

    @Test(arguments: PlotFixtures.kinds) func textFileHasTitleLabelsAndKey(kind: String) throws {
        let harness = try PlotFixtures.trained()
        #expect(harness.execute("plot \(kind) to=out/\(kind).txt size=130x40"), "\(harness.console.errors)")
        let text = try #require(harness.read("out/\(kind).txt"))
        for label in PlotFixtures.labels[kind] ?? [] { #expect(text.contains(label), "\(kind).txt lacks \"\(label)\":\n\(text)") }
        #expect(text.contains("generated (seed 3)"), "the data source is not in the title")
        #expect(!text.contains("\u{0C}") && !text.hasPrefix("\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 130 })
    }

    @Test(arguments: PlotFixtures.kinds) func svgAndPdfAreWritten(kind: String) throws {
        let harness = try PlotFixtures.trained()
        #expect(harness.execute("plot \(kind) to=out/\(kind).svg size=500x300"), "\(harness.console.errors)")
        #expect(harness.execute("plot \(kind) to=out/\(kind).pdf"), "\(harness.console.errors)")
        let svg = try #require(harness.read("out/\(kind).svg"))
        #expect(svg.contains("<svg") && svg.contains("width=\"500\" height=\"300\""))
        #expect(svg.contains(PlotFixtures.labels[kind]?.first ?? "?"))
        #expect(svg.contains("rgb( 31, 119, 180)"), "the normal colour is missing")
        let pdf = try PlotFixtures.data(harness, "out/\(kind).pdf")
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        #expect(String(decoding: pdf.suffix(16), as: UTF8.self).contains("%%EOF"))
    }

    @Test func errorHistogramOverlaysBothClassesAndCanUseALogAxis() throws {
        let harness = try PlotFixtures.trained()
        let scores = try #require(harness.shell.session.scores)
        let subject = ChartSubject(session: harness.shell.session)
        let linear = try ErrorCharts.histogram(scores, subject: subject, logX: false)
        #expect(linear.blocks.map(\.name) == ["normal", "anomaly"])
        #expect(!linear.settings.contains("set logscale x"))
        let threshold = try #require(subject.threshold).value
        #expect(linear.settings.contains { $0.hasPrefix("set arrow from first \(threshold),") })
        let log = try ErrorCharts.histogram(scores, subject: subject, logX: true)
        #expect(log.settings.contains("set logscale x"))
        #expect(log.xLabel.hasSuffix("log scale"))
        // Every row is counted once, in one of the two colours.
        let counted = linear.blocks.flatMap { $0.rows.map { $0[1] } }.reduce(0, +)
        #expect(Int(counted) == scores.errors.count)
        #expect(harness.execute("plot errors log=yes to=out/log.png"), "\(harness.console.errors)")
        #expect(!harness.execute("plot roc log=yes"))
        #expect(harness.console.errors.contains("log=yes applies to `plot errors` only"))
    }

    @Test func lossUsesALogAxisOnlyWhenItSpansADecade() throws {
        let subject = ChartSubject(source: "data.csv")
        let falling = (1...30).map { EpochReport(epoch: $0, loss: pow(0.7, Double($0)), validationLoss: pow(0.72, Double($0))) }
        let steep = try TrainingCharts.loss(falling, subject: subject)
        #expect(steep.settings.contains("set logscale y"))
        #expect(steep.yLabel.hasSuffix("log scale"))
        let flat = try TrainingCharts.loss((1...5).map { EpochReport(epoch: $0, loss: 1 - 0.01 * Double($0), validationLoss: nil) }, subject: subject)
        #expect(!flat.settings.contains("set logscale y"))
        // One epoch, one value: no empty range for gnuplot to complain about.
        let single = try TrainingCharts.loss([EpochReport(epoch: 1, loss: 0.5, validationLoss: 0.5)], subject: subject)
        let output = try Gnuplot.run("set terminal dumb size 80,24\nset output\n" + single.script())
        #expect(output.warnings.isEmpty, "\(output.warnings)")
        #expect(output.text.contains("lowest validation loss 0.5000 (epoch 1)"))
    }

    @Test func promptDrawsTextSizedToTheTerminal() throws {
        let harness = try PlotFixtures.trained()
        #expect(harness.execute("set plot text"))
        let before = try FileManager.default.contentsOfDirectory(atPath: harness.folder + "/out")
        let start = harness.console.output.utf8.count
        #expect(harness.shell.execute("plot roc", interactive: true), "\(harness.console.errors)")
        let output = String(decoding: harness.console.output.utf8.dropFirst(start), as: UTF8.self)
        #expect(output.contains("ROC curve") && output.contains("+-----"))
        #expect(output.split(separator: "\n").allSatisfy { $0.count <= harness.console.width })
        #expect(try FileManager.default.contentsOfDirectory(atPath: harness.folder + "/out") == before)
        // A window needs a display.
        harness.shell.environment["DISPLAY"] = ""
        #expect(harness.execute("set plot window"))
        #expect(!harness.shell.execute("plot roc", interactive: true))
        #expect(harness.console.errors.contains("no display"))
    }

    @Test func scriptModeNamesFilesAfterTheScriptAndTheStep() throws {
        let harness = try PlotFixtures.trained()
        let failures = harness.run("""
        # comments and blank lines are not steps

        plot loss
        plot errors
        evaluate
        plot roc
        """, name: "scripts/demo.aesh")
        #expect(failures == 0, "\(harness.console.errors)")
        for name in ["demo-01-loss.png", "demo-02-errors.png", "demo-04-roc.png"] {
            #expect(try PlotPNG.size(of: try PlotFixtures.data(harness, "out/" + name)) == (900, 560))
        }
        // The output folder follows `set out`; a missing one is a clear error and the session goes on.
        try FileManager.default.createDirectory(atPath: harness.folder + "/charts", withIntermediateDirectories: false)
        #expect(harness.run("set out charts\nplot pr", name: "other.aesh") == 0, "\(harness.console.errors)")
        #expect(FileManager.default.fileExists(atPath: harness.folder + "/charts/other-02-pr.png"))
        #expect(harness.run("set out nowhere\nplot pr\nshow", name: "x.aesh", keepGoing: true) == 1)
        #expect(harness.console.errors.contains("the folder \(harness.folder)/nowhere does not exist"))
        #expect(harness.console.output.contains("out=nowhere"))
        #expect(PlotDestination.fileStem("-c") == "aesh" && PlotDestination.fileStem("<stdin>") == "stdin")
        #expect(PlotDestination.fileStem("my plots!") == "my_plots_")
    }

    @Test func seedScriptPlotsAtTheStepsItsChartsAreNamedAfter() throws {
        // Replaying the seed takes seconds (SeedScriptTests does it); its plot steps are checked
        // here, and the naming rule above.
        let lines = try Shell.readScript(path: ShellHarness.repositoryRoot + "/scripts/seed.aesh")
        let plots = lines.filter { !$0.isProse }.enumerated().filter { $0.element.text.hasPrefix("plot ") }
            .map { "seed-\($0.offset + 1 < 10 ? "0" : "")\($0.offset + 1)-\($0.element.text.dropFirst(5))" }
        #expect(plots == ["seed-09-loss", "seed-10-errors", "seed-11-roc", "seed-12-pr", "seed-13-scores", "seed-17-tsne"])
    }

    @Test func tsneSizeAndFormatMistakesAreClearErrors() throws {
        let harness = try PlotFixtures.trained()
        let fingerprint = harness.fingerprint
        #expect(!harness.execute("plot tsne"))
        #expect(harness.console.errors.contains("no t-SNE embedding yet: run `tsne` first"))
        #expect(!harness.execute("plot errors to=out/e.jpg"))
        #expect(harness.console.errors.contains("to= must end in .png, .svg, .pdf or .txt"))
        #expect(!harness.execute("plot errors to=out/e.png size=10x10"))
        #expect(harness.console.errors.contains("size must be WIDTHxHEIGHT in pixels"))
        #expect(!harness.execute("plot erors"))
        #expect(harness.console.errors.contains("did you mean errors"))
        #expect(harness.fingerprint == fingerprint)
    }
}

/// Strings from data never become gnuplot commands; a missing or failing gnuplot is a message.
@Suite struct PlotSafetyTests {
    /// `text` as one word of the command language, whatever it holds (there is no escape inside
    /// quotes, so a single quote is written in double quotes).
    static func word(_ text: String) -> String {
        text.split(separator: "'", omittingEmptySubsequences: false).map { "'\($0)'" }.joined(separator: "\"'\"")
    }

    @Test(.needsGnuplot) func quoteMakesAnInertSingleQuotedString() throws {
        #expect(Gnuplot.quote("it's") == "'it''s'")
        #expect(Gnuplot.quote("a\nb\rc\u{1B}[31m\u{9B}d") == "'a b c [31m d'")
        #expect(Gnuplot.quote("`x` @m system(\"y\")") == "'`x` @m system(\"y\")'")
        // gnuplot itself prints the string back unchanged and runs nothing.
        let marker = NSTemporaryDirectory() + "aesh-pwned-" + UUID().uuidString
        let nasty = "q' \"dq\" `touch \(marker)` @GPVAL_VERSION system(\"touch \(marker)\") \\' end"
        let output = try Gnuplot.run("print \(Gnuplot.quote(nasty))\nprint \(Gnuplot.quote("x\n!touch \(marker)"))")
        #expect(output.standardError == nasty + "\nx !touch \(marker)\n")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test(.needsGnuplot) func hostileFileAndColumnNamesPlotWithoutRunningAnything() throws {
        let harness = try ShellHarness()
        let marker = harness.folder + "/pwned"
        // A file name cannot hold a slash, so these markers land in gnuplot's working folder (ours).
        let evil = "it's \"q\" `touch pwned-1` @GPVAL_VERSION system(\"touch pwned-2\")"
        let label = "lab'el \"x\"\n!touch \(marker)-3\n`touch \(marker)-4`"
        let file = "data \(evil)\n!touch pwned-5.csv"
        var csv = "a,b,c,\"\(label.replacingOccurrences(of: "\"", with: "\"\""))\"\n"
        var generator = SeededGenerator(seed: 5)
        for row in 0..<240 {
            let anomaly = row % 8 == 0
            let cells = (0..<3).map { _ in String(generator.nextNormal() + (anomaly ? 4 : 0)) }
            csv += cells.joined(separator: ",") + ",\(anomaly ? 1 : 0)\n"
        }
        try harness.write(file, csv)
        #expect(harness.execute("load \(Self.word(file)) label=\(Self.word(label))"), "\(harness.console.errors)")
        for line in ["split test=0.5 seed=1", "model 2", "train epochs=2 seed=1", "errors", "threshold 0.9"] {
            #expect(harness.execute(line), "\(line): \(harness.console.errors)")
        }
        for kind in PlotFixtures.kinds {
            #expect(harness.execute("plot \(kind) to=out/\(kind).txt size=400x40"), "\(harness.console.errors)")
            #expect(harness.execute("plot \(kind) to=out/\(kind).png"), "\(harness.console.errors)")
            #expect(try PlotPNG(try PlotFixtures.data(harness, "out/\(kind).png")).colours.count > 10)
        }
        // The names are shown as they are (line breaks as spaces), not run.
        let errors = try #require(harness.read("out/errors.txt"))
        #expect(errors.contains(evil), "the data file's name is not in the title:\n\(errors)")
        #expect(errors.contains("anomaly rows (lab'el \"x\" !touch \(marker)-3 `touch \(marker)-4` = 1)"))
        for folder in [harness.folder, FileManager.default.currentDirectoryPath] {
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("pwned") }
            #expect(leftovers.isEmpty, "gnuplot ran a command: \(leftovers) in \(folder)")
        }
        // A file name given with to= may hold quotes and backquotes: gnuplot never sees it.
        let target = "out/it's \"q\" `touch pwned-6` @x.png"
        #expect(harness.execute("plot roc to=\(Self.word(target))"), "\(harness.console.errors)")
        #expect(try PlotPNG.size(of: try PlotFixtures.data(harness, target)) == (900, 560))
        #expect(try FileManager.default.contentsOfDirectory(atPath: harness.folder).filter { $0.hasPrefix("pwned") }.isEmpty)
    }

    @Test func missingGnuplotIsAMessageAndTheSessionGoesOn() throws {
        let harness = try PlotFixtures.trained()
        harness.shell.environment = ["PATH": "/nonexistent:/also/not/here", "DISPLAY": ":0"]
        #expect(!harness.execute("plot errors to=out/e.png"))
        #expect(harness.console.errors.contains("gnuplot was not found on PATH: install it with `apt-get install gnuplot-nox`"))
        #expect(!FileManager.default.fileExists(atPath: harness.folder + "/out/e.png"))
        #expect(harness.run("plot loss\nthreshold 0.95", name: "s.aesh", keepGoing: true) == 1)
        #expect(harness.shell.session.threshold?.rule == .percentile(0.95))
        #expect(harness.execute("set plot window"))
        #expect(!harness.shell.execute("plot roc", interactive: true))
        #expect(harness.console.errors.components(separatedBy: "gnuplot was not found on PATH").count == 4)
        #expect(Gnuplot.locate(environment: harness.shell.environment) == nil)
    }

    @Test(.needsGnuplot) func gnuplotsOwnErrorTextIsShown() throws {
        // A stand-in gnuplot that fails the way gnuplot does on a bad command.
        let harness = try PlotFixtures.trained()
        let bin = harness.folder + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: false)
        try harness.write("bin/gnuplot", "#!/bin/sh\nwhile read -r line; do :; done\necho '         line 0: stand-in gnuplot refuses' >&2\nexit 1\n")
        chmod(bin + "/gnuplot", 0o755)
        harness.shell.environment = ["PATH": bin]
        #expect(!harness.execute("plot pr to=out/pr.png"))
        #expect(harness.console.errors.contains("plot: gnuplot failed: stand-in gnuplot refuses"))
        #expect(!FileManager.default.fileExists(atPath: harness.folder + "/out/pr.png"))
        // And the real one: its message and the command it stopped at.
        #expect {
            try Gnuplot.run("set nosuchoption 1")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("gnuplot failed:") && text.contains("set nosuchoption 1") && text.lowercased().contains("unrecognized option")
        }
    }
}
