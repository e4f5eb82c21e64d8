import AutoencoderKit

extension CommandContext {
    /// `typed` resolved for a command to write (`save`, `export`, `history save`, `plot to=`);
    /// refuses the file the session's data was loaded from and the scripts being run, under any
    /// spelling or link to them, so that `load src.csv; export src.csv` cannot replace the input
    /// with scores, nor `history save` the script that is running it.
    func outputPath(_ typed: String, session: Session) throws -> String {
        let path = paths.resolve(typed)
        try refuseInputFile(path, shownAs: typed, session: session)
        return path
    }

    /// Throws when `path` (resolved) is the session's loaded data file or a script being run.
    func refuseInputFile(_ path: String, shownAs typed: String, session: Session) throws {
        if runningScripts.contains(where: { AtomicFile.sameFile(path, $0) }) {
            throw ShellError("\(typed) is the script being run: refusing to overwrite it; write to another file")
        }
        guard session.data != nil, let source = session.dataSource,
              AtomicFile.sameFile(path, paths.resolve(source)) else { return }
        let named = typed == source ? "" : " (\(source))"
        throw ShellError("\(typed) is the loaded data file\(named): refusing to overwrite it; write to another file")
    }
}
