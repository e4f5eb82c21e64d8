import Foundation

/// The executed document as Markdown that renders on any Git host: prose as written, each command
/// and its output in fenced blocks, charts as PNG files in a folder beside the report.
enum MarkdownReport {
    /// A chart file to write into the report's folder.
    struct ChartFile {
        /// The file's name inside the folder.
        var name: String
        var bytes: Data
    }

    /// The report's text and its chart files; `folder` is the chart folder's name as linked from
    /// the report (`seed_files` beside `seed.md`).
    static func render(_ content: ReportContent, folder: String,
                       environment: [String: String]) throws -> (text: String, charts: [ChartFile]) {
        var text = ""
        var charts: [ChartFile] = []
        if content.headings.isEmpty { text += "# \(ReportEscaping.markdownInline(content.title))\n\n" }
        let contentsAfter = content.leadingProse ? 0 : -1
        if contentsAfter < 0 { text += contents(content.headings) }
        let numbers = content.cellNumbers
        for (index, entry) in content.entries.enumerated() {
            defer { if index == contentsAfter { text += contents(content.headings) } }
            switch entry {
            case .prose(let markdown):
                text += markdown.trimmingCharacters(in: .newlines) + "\n\n"
            case .command(let record):
                let failed = record.error != nil
                var heading = "**In [\(numbers[index] ?? 0)]:**"
                if content.times { heading += " (\(Format.duration(record.seconds)))" }
                if failed { heading += " **failed**" }
                text += heading + "\n\n" + ReportEscaping.markdownFence(record.cell.command, info: "aesh") + "\n"
                let output = TerminalText.plain(record.output)
                if !output.isEmpty { text += ReportEscaping.markdownFence(output) + "\n" }
                for (k, figure) in record.figures.enumerated() {
                    let name = "cell\(index + 1)-\(k + 1)-\(safeName(figure.kind)).png"
                    charts.append(ChartFile(name: name, bytes: try FigureRenderer.png(figure, environment: environment)))
                    text += "![\(ReportEscaping.markdownInline(figure.kind)) chart](\(ReportEscaping.urlPath(folder + "/" + name)))\n\n"
                }
                if let error = record.error {
                    text += "Error:\n\n" + ReportEscaping.markdownFence(TerminalText.plain(error)) + "\n"
                }
            case .failure(let message):
                text += "**failed**\n\n" + ReportEscaping.markdownFence(message) + "\n"
            }
        }
        text += provenance(content.provenance)
        return (text, charts)
    }

    /// Links to the headings, with the anchors GitHub and GitLab give them.
    private static func contents(_ headings: [ReportHeading]) -> String {
        var text = "**Contents**\n\n"
        var used: [String: Int] = [:]
        for heading in headings {
            let base = slug(heading.text)
            let count = used[base, default: 0]
            used[base] = count + 1
            let anchor = count == 0 ? base : "\(base)-\(count)"
            let indent = String(repeating: "  ", count: max(0, heading.level - 1))
            text += "\(indent)- [\(ReportEscaping.markdownInline(heading.text))](#\(ReportEscaping.urlPath(anchor)))\n"
        }
        return text + "- [Provenance](#provenance)\n\n"
    }

    /// A heading's anchor as Git hosts make it: lower case, punctuation dropped, spaces as `-`.
    static func slug(_ text: String) -> String {
        String(text.lowercased().compactMap { character -> Character? in
            if character == " " { return "-" }
            return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
        })
    }

    /// A chart kind made safe as part of a file name.
    private static func safeName(_ kind: String) -> String {
        String(kind.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
    }

    private static func provenance(_ provenance: Provenance) -> String {
        var text = "## Provenance\n\n| | |\n| --- | --- |\n"
        for fact in provenance.facts {
            text += "| \(ReportEscaping.markdownInline(fact.label)) | \(ReportEscaping.markdownInline(fact.value)) |\n"
        }
        text += "\n### Files read\n\n"
        if provenance.filesRead.isEmpty {
            text += "none\n"
        } else {
            text += "| file | bytes | SHA-256 |\n| --- | ---: | --- |\n"
            for file in provenance.filesRead {
                let size = file.digest.map { "\($0.size)" } ?? "unreadable now"
                text += "| \(ReportEscaping.markdownInline(file.path)) | \(size) | \(file.digest?.sha256 ?? "") |\n"
            }
        }
        text += "\n### Files written\n\n"
        if provenance.filesWritten.isEmpty {
            text += "none\n"
        } else {
            text += provenance.filesWritten.map { "- \(ReportEscaping.markdownInline($0))\n" }.joined()
        }
        return text
    }
}
