import AutoencoderKit

/// The keys of `report`.
struct ReportKeys: KeySet {
    let times = Key.flag("times", "show each cell's time, the date and the total time (times=no: two replays give identical files)", default: true)
}

extension CommandSpec {
    /// `report FILE.html|.md`: the session so far as an executed document.
    static let report = CommandSpec(
        name: "report",
        summary: "write the session so far as an executed document (HTML or Markdown)",
        operands: "FILE.html|FILE.md",
        details: """
        Every cell so far, in order: prose rendered, each command with its In [n] number, output,
        time and charts, a failed cell marked with its error, then the provenance (aesh version,
        command line, parameters, seed, date, processor and kernels, every file read with its size
        and SHA-256, every file written, the total time). FILE.html is one self-contained page with
        the charts as inline SVG; FILE.md keeps its charts as PNG files in FILE_files/ beside it.
        `aesh --report FILE script.aesh` writes the same for a replay.
        """,
        example: "report out/session.html",
        positionals: 1...1,
        keys: ReportKeys.self,
        positionalCompletion: .files
    ) { arguments, session, context in
        let typed = arguments.positional(0) ?? ""
        guard !typed.isEmpty else { throw ShellError("report needs a file name ending in .html or .md") }
        let path = try context.outputPath(typed, session: session)
        let written = try context.writeReport(to: path, times: try arguments.value(\.times), session: session)
        for file in written { context.record(.fileWritten(path: file)) }
        let charts = written.count - 1
        context.console.line("wrote the report to \(typed)" + (charts > 0 ? " and \(charts) chart\(charts == 1 ? "" : "s") beside it" : ""))
    }
}
