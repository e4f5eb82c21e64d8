/// What both report formats show: the entries, the prose rendered, the headings, the title, the
/// provenance, and whether times are shown.
struct ReportContent {
    var entries: [ReportEntry]
    /// Ink's HTML for each prose entry (nil for the others).
    var proseHTML: [String?]
    var headings: [ReportHeading]
    /// The first heading's text, else the name the report was given.
    var title: String
    var provenance: Provenance
    /// Cell times (and the date and total time, in the provenance) are shown.
    var times: Bool

    /// The content of `entries`, titled by its first heading or `fallbackTitle`.
    init(entries: [ReportEntry], provenance: Provenance, fallbackTitle: String, times: Bool) {
        self.entries = entries
        (proseHTML, headings) = ProseRenderer.render(entries)
        title = headings.first?.text ?? fallbackTitle
        self.provenance = provenance
        self.times = times
    }

    /// True when the document opens with a prose cell holding a heading (the title): the
    /// contents list goes after it.
    var leadingProse: Bool {
        guard case .prose? = entries.first, let html = proseHTML.first ?? nil else { return false }
        return html.contains("id=\"s-1\"")
    }

    /// The `In [n]` number of each command entry: the cell's own in a script, else its place
    /// among the commands (cells typed at the prompt are numbered 0 by the runner).
    var cellNumbers: [Int?] {
        var count = 0
        return entries.map { entry in
            guard case .command(let record) = entry else { return nil }
            count += 1
            return record.cell.number > 0 ? record.cell.number : count
        }
    }
}
