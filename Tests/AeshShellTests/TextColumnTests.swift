import Testing
@testable import AeshShell

/// Text columns in `load`: id= keeps one as the row identifier (shown by errors, written by
/// export), ignore= leaves columns out, a model's unused columns are ignored whatever they hold,
/// and decimal=, reads decimal commas.
struct TextColumnTests {
    /// `name` (text, one with a comma), `city` (text), `a`, `b` and a 0/1 `label`.
    private static let withText = "name,city,a,b,label\n" + (0..<30).map { i in
        "\(i == 3 ? "\"Rome, IT\"" : "r\(i)"),city\(i % 4),\(Double(i % 7) / 7),\(Double(i % 5) / 5),\(i == 3 ? 1 : 0)"
    }.joined(separator: "\n") + "\n"

    @Test func anUnnamedTextColumnIsAnErrorSuggestingIdAndIgnore() throws {
        let harness = try ShellHarness()
        try harness.write("t.csv", Self.withText)
        #expect(!harness.execute("load t.csv label=label"))
        #expect(harness.console.errors.contains(#"column "name" is not numeric (line 2: "r0"); keep it as each row's identifier with id=name, or leave it out with ignore=name"#), "\(harness.console.errors)")
        #expect(harness.shell.session.data == nil)
        #expect(!harness.execute("load t.csv label=label id=name"))
        #expect(harness.console.errors.contains("id=city, or leave it out with ignore=city"))
    }

    @Test func idIsShownByErrorsAndWrittenByExport() throws {
        let harness = try ShellHarness()
        try harness.write("t.csv", Self.withText)
        #expect(harness.run("load t.csv label=label id=name ignore=city\ntrain epochs=1 seed=1\nerrors top=30\nexport out.csv\nexport latent.csv what=latent") == 0, "\(harness.console.errors)")
        let data = try #require(harness.shell.session.data)
        #expect(data.columnNames == ["a", "b"])
        #expect(data.rowIds?.count == 30)
        let output = harness.console.output
        #expect(output.contains("loaded 30 rows × 2 columns"), "\(output)")
        let topHeader = try #require(output.split(separator: "\n").first { $0.contains("largest contributions") })
        #expect(topHeader.split(separator: " ").prefix(3) == ["row", "id", "error"], "\(topHeader)")
        #expect(output.split(separator: "\n").contains { $0.hasPrefix("  3 ") && $0.contains("Rome, IT") })
        let scores = try #require(harness.read("out.csv")).split(separator: "\n")
        #expect(scores.first == "row,id,error,predicted,label")
        #expect(scores.count == 31)
        #expect(scores.contains { $0.hasPrefix("3,\"Rome, IT\",") && $0.hasSuffix(",1") })
        #expect(scores.contains { $0.hasPrefix("0,r0,") })
        let latent = try #require(harness.read("latent.csv")).split(separator: "\n")
        #expect(latent.first == "row,id,z1,label")
        #expect(latent.contains { $0.hasPrefix("29,r29,") })
    }

    @Test func rowFindsARowByItsIdAndTheEmbeddingExportCarriesIds() throws {
        let harness = try ShellHarness()
        try harness.write("t.csv", Self.withText)
        #expect(harness.run("load t.csv label=label id=name ignore=city\ntrain epochs=1 seed=1\ntsne on=input iterations=50 perplexity=5\nexport e.csv what=embedding") == 0,
                "\(harness.console.errors)")
        #expect(harness.execute("row id=\"Rome, IT\""), "\(harness.console.errors)")
        #expect(harness.console.output.contains("row 3 (id Rome, IT): error "), "\(harness.console.output)")
        #expect(harness.execute("row 5"))
        #expect(harness.console.output.contains("row 5 (id r5): error "))
        let embedding = try #require(harness.read("e.csv")).split(separator: "\n")
        #expect(embedding.first == "row,id,x,y,label")
        #expect(embedding.count == 31)
        #expect(embedding.contains { $0.hasPrefix("3,\"Rome, IT\",") && $0.hasSuffix(",1") })
        #expect(embedding.contains { $0.hasPrefix("29,r29,") })

        let before = harness.fingerprint
        #expect(!harness.execute("row id=nobody"))
        #expect(harness.console.errors.contains("row: no row has the id \"nobody\""), "\(harness.console.errors)")
        #expect(!harness.execute("row r7"))
        #expect(harness.console.errors.contains("for the row whose id is r7, type row id=r7"), "\(harness.console.errors)")
        #expect(!harness.execute("row"))
        #expect(!harness.execute("row 2 id=r2"))
        #expect(harness.console.errors.contains("row: usage: row N (a row number) or row id=ID (a row's identifier), one of them"))
        #expect(harness.fingerprint == before)
    }

    @Test func rowByIdWithoutIdsSaysHowToGetThem() throws {
        let harness = try ShellHarness()
        #expect(harness.run("generate normal=10 anomalies=0 features=2 seed=1\ntrain epochs=1\ntsne on=input iterations=20 perplexity=2\nexport e.csv what=embedding") == 0)
        #expect(!harness.execute("row id=a"))
        #expect(harness.console.errors.contains("row: the data has no row identifiers: load it with id=COL"), "\(harness.console.errors)")
        #expect(try #require(harness.read("e.csv")).hasPrefix("row,x,y,label\n"))
    }

    @Test func idsFollowTheSplit() throws {
        let harness = try ShellHarness()
        try harness.write("t.csv", Self.withText)
        #expect(harness.run("load t.csv label=label id=name ignore=city\nsplit test=0.3 seed=2\ntrain epochs=1 seed=1\nerrors on=test\nexport out.csv") == 0)
        let rows = try #require(harness.read("out.csv")).split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty)
        for row in rows {
            let cells = row.split(separator: ",")
            let expected = cells[0] == "3" ? "\"Rome" : "r\(cells[0])"
            #expect(String(cells[1]) == expected, "\(row)")
        }
    }

    @Test func aModelIgnoresTheColumnsItDoesNotUseWhateverTheyHold() throws {
        let harness = try ShellHarness()
        try harness.write("numbers.csv", "a,b\n" + (0..<20).map { "\(Double($0) / 20),\(Double($0 % 3) / 3)" }.joined(separator: "\n") + "\n")
        try harness.write("new.csv", "note,b,city,a\nhello,0.5,Paris,0.1\nworld,0.2,Rome,0.9\n")
        #expect(harness.run("load numbers.csv\ntrain epochs=1 seed=1\nsave m.aemodel\nreset\nopen m.aemodel\nload new.csv\nerrors on=all") == 0, "\(harness.console.errors)")
        #expect(harness.console.output.contains(#"ignored "note", "city": not used by the model"#), "\(harness.console.output)")
        #expect(harness.shell.session.model != nil)
        #expect(harness.shell.session.scores?.errors.count == 2)
        // A file without the model's columns still starts afresh, and its text column is the error.
        #expect(!harness.execute("load new.csv ignore=a"))
        #expect(harness.console.errors.contains(#"column "note" is not numeric"#))
    }

    @Test func decimalCommasReadSemicolonFiles() throws {
        let harness = try ShellHarness()
        try harness.write("eu.csv", "a;b;label\n3,5;-1,25;0\n0,5;2;1\n1;0,75;0\n")
        #expect(harness.run("load eu.csv label=label decimal=,") == 0, "\(harness.console.errors)")
        #expect(harness.shell.session.data?.features.values == [3.5, -1.25, 0.5, 2, 1, 0.75])
        #expect(!harness.execute("load eu.csv label=label"))
        #expect(harness.console.errors.contains(#""3,5" is not a number"#) || harness.console.errors.contains(#"column "a" is not numeric"#))
        // … and says what reads it (a new-user trial was told only id= and ignore=).
        #expect(harness.console.errors.contains("it looks like a number written with a decimal comma; `decimal=,` reads it so"), "\(harness.console.errors)")
        // A comma-split file cannot have decimal commas: the error says to name another delimiter.
        #expect(!harness.execute("load \"\(BadInput.path("decimal-comma.csv"))\" decimal=,"))
        #expect(harness.console.errors.contains("give delimiter=;"))
        #expect(!harness.execute("load eu.csv decimal=x"))
    }
}
