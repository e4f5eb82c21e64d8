import CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state readline's C callbacks reach. Readline itself is one global per process, so this is
/// too; the `LineEditor` that reads a line installs its completer here first. Only touched from the
/// thread that runs the prompt.
enum ReadlineBridge {
    /// The completer of the `LineEditor` currently reading.
    nonisolated(unsafe) static var completer: ((String, Int, String) -> [String])?
    /// Set by the line handler when readline finishes a line (nil line: end of input).
    nonisolated(unsafe) static var finishedLine: LineRead?
    /// The candidates handed out one by one by `nextCandidate`.
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) static var candidateIndex = 0

    /// Settings made once per process: no signal handlers of readline's own except for window
    /// size changes (SIGINT belongs to `InterruptFlag`), no environment changes behind the
    /// program's back (LINES/COLUMNS would leak into gnuplot), and aesh's completion.
    static let configured: Void = {
        rl_readline_name = UnsafePointer(strdup("aesh"))
        rl_catch_signals = 0
        rl_catch_sigwinch = 1
        // Keep the SIGWINCH handler while the prompt waits in poll(), not only inside readline.
        rl_persistent_signal_handlers = 1
        rl_change_environment = 0
        rl_attempted_completion_function = attemptCompletion
        // Words break at blanks and at '=' (so `to=out/p` completes the path `out/p`); an open
        // quote starts a word, so `load "my fi` completes `my fi`.
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t\n="))
        rl_completer_quote_characters = UnsafePointer(strdup("\"'"))
        // A candidate holding one of these is inserted in quotes (see `attemptCompletion`).
        rl_filename_quote_characters = UnsafePointer(strdup(quotedCharacters))
    }()

    /// Characters that cannot stand unquoted in a word of a command line.
    static let quotedCharacters = " \t\"'#;\\"

    /// Readline's own start-up (terminal description, ~/.inputrc), done at the first prompt, and
    /// the settings that must win over the user's inputrc. Bracketed paste is off so that pasted
    /// commands run one line at a time, each remembered on its own, as if typed; it would also
    /// make readline print line breaks of its own when the line ends.
    static let initialized: Void = {
        _ = configured
        rl_initialize()
        rl_variable_bind("enable-bracketed-paste", "off")
    }()
}

/// Readline's line handler: records the finished line and removes the handler at once, so that
/// readline does not print a fresh prompt before the shell has run the command.
func handleFinishedLine(_ text: UnsafeMutablePointer<CChar>?) {
    if let text {
        ReadlineBridge.finishedLine = .line(String(cString: text))
        free(text)
    } else {
        ReadlineBridge.finishedLine = .endOfInput
    }
    rl_callback_handler_remove()
}

/// Readline's completion entry point: asks the Swift completer, never falls back to readline's
/// own filename completion, quotes candidates that need it, and leaves no space after a candidate that ends in "/" or "=" (nor
/// closes an open quote after a folder, since the path likely goes on).
private func attemptCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    guard let completer = ReadlineBridge.completer, let text else { return nil }
    let line = rl_line_buffer.map { String(cString: $0) } ?? ""
    var seen = Set<String>()
    let candidates = completer(line, Int(start), String(cString: text)).filter { seen.insert($0).inserted }
    guard !candidates.isEmpty else { return nil }
    // Readline quotes a candidate only when it takes it for a file name: a file or column name
    // with a space then completes as `"my data.csv"` (just the opening quote while it is a prefix
    // of several), and inside an open quote the quote is not doubled. Set per completion: readline
    // resets it for every attempt.
    if candidates.contains(where: { $0.contains(where: { ReadlineBridge.quotedCharacters.contains($0) }) }) {
        rl_filename_completion_desired = 1
        rl_filename_quoting_desired = 1
    }
    if candidates.count == 1, let last = candidates.first?.last, last == "/" || last == "=" {
        rl_completion_append_character = 0
        rl_completion_suppress_quote = last == "/" ? 1 : 0
    }
    ReadlineBridge.candidates = candidates
    ReadlineBridge.candidateIndex = 0
    return rl_completion_matches(text, nextCandidate)
}

/// Hands readline the stored candidates one at a time, as malloc'd copies it will free.
private func nextCandidate(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 { ReadlineBridge.candidateIndex = 0 }
    let index = ReadlineBridge.candidateIndex
    guard index < ReadlineBridge.candidates.count else { return nil }
    ReadlineBridge.candidateIndex = index + 1
    return strdup(ReadlineBridge.candidates[index])
}
