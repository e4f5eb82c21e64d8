import Testing
@testable import AeshShell

/// Tables line up on a terminal whatever script the names are in (a new-user trial found CJK
/// and emoji column names pushing `describe` and `errors` out of line).
struct DisplayWidthTests {
    @Test func wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        #expect(DisplayWidth.of("temp") == 4)
        #expect(DisplayWidth.of("温度") == 4)
        #expect(DisplayWidth.of("🌡x") == 3)
        #expect(DisplayWidth.of("e\u{301}t\u{e9}") == 3)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)
        #expect(DisplayWidth.of("Ω±") == 2)
    }

    @Test func tableColumnsLineUpInTerminalColumns() {
        let table = Format.table(header: ["column", "max"], rows: [["温度", "1.0"], ["temp", "22.5"], ["🌡", "3"]])
        let lines = table.split(separator: "\n").map(String.init)
        let widths = Set(lines.map { DisplayWidth.of($0) })
        #expect(widths.count == 1, "\(table)")
    }
}
