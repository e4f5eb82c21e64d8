import Foundation

/// Number and table formatting shared by every command's output.
public enum Format {
    /// A whole number with thousands separators: 10000 → "10,000".
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// A number with `digits` significant decimals, switching to exponent form when very small or large.
    public static func number(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e7) {
            return String(format: "%.\(max(0, digits - 1))e", value)
        }
        return String(format: "%.\(digits)f", value)
    }

    /// A count with its noun in the right number: "1 row", "2,200 rows", "1 anomaly".
    public static func counted(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count(value)) \(value == 1 ? singular : plural ?? singular + "s")"
    }

    /// A number in its shortest usual form, as a person would type it: 0.001, 1e+06, 10000.
    public static func compact(_ value: Double) -> String {
        String(format: "%g", value)
    }

    /// A fraction as a percentage: 0.9234 → "92.34%".
    public static func percent(_ value: Double, digits: Int = 2) -> String {
        String(format: "%.\(digits)f%%", value * 100)
    }

    /// Seconds as "3 ms", "0.42 s" or "1 min 12 s".
    public static func duration(_ seconds: Double) -> String {
        if seconds < 1 { return String(format: "%.0f ms", seconds * 1000) }
        if seconds < 60 { return String(format: "%.2f s", seconds) }
        let minutes = Int(seconds / 60)
        return String(format: "%d min %.0f s", minutes, seconds - Double(minutes) * 60)
    }

    /// "a", "a and b" or "a, b and c".
    public static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// "92nd" for 92.
    public static func ordinal(_ value: Int) -> String {
        let suffix: String
        switch (value % 10, value % 100) {
        case (1, let t) where t != 11: suffix = "st"
        case (2, let t) where t != 12: suffix = "nd"
        case (3, let t) where t != 13: suffix = "rd"
        default: suffix = "th"
        }
        return "\(value)\(suffix)"
    }

    /// Rows of cells as a text table with a header rule; the first column left-aligned, the rest right-aligned,
    /// aligned by the columns a terminal draws them in (`DisplayWidth`: CJK and emoji take two).
    /// Cells are shown on one line: control characters in them (a line break in a column name)
    /// are written as escapes such as `\n`.
    public static func table(header: [String], rows: [[String]], indent: String = "  ") -> String {
        let header = header.map(printable)
        let rows = rows.map { $0.map(printable) }
        let columns = header.count
        var widths = header.map(DisplayWidth.of)
        for row in rows {
            for (c, cell) in row.prefix(columns).enumerated() { widths[c] = max(widths[c], DisplayWidth.of(cell)) }
        }
        func render(_ cells: [String]) -> String {
            var parts: [String] = []
            for c in 0..<columns {
                let cell = c < cells.count ? cells[c] : ""
                let pad = String(repeating: " ", count: max(0, widths[c] - DisplayWidth.of(cell)))
                parts.append(c == 0 ? cell + pad : pad + cell)
            }
            return indent + parts.joined(separator: "  ")
        }
        var lines = [render(header)]
        lines.append(indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        lines += rows.map(render)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `printable` for text that may span lines: line breaks and tabs stay, every other control
    /// character is escaped (messages and script text must never drive the terminal).
    public static func printableLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map { printable(String($0)) }.joined(separator: "\t") }
            .joined(separator: "\n")
    }

    /// `text` with control characters written as escapes (`\n`, `\t`, `\u{1B}`), so that a
    /// name from the data cannot break a table or drive the terminal.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                result += scalar.escaped(asASCII: true)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
