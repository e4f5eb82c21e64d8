import CReadline
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one prompt read gave.
public enum LineRead: Equatable {
    /// The line the person entered, without its line break.
    case line(String)
    /// Ctrl-C: the line was cleared ("^C" is shown and the cursor is on a new line).
    case interrupted
    /// Ctrl-D on an empty line (or the input closed); the cursor is on a new line.
    case endOfInput
}

/// Reads lines at a terminal with GNU readline: editing, history kept across sessions, tab completion.
///
/// Readline is one global per process: create one `LineEditor` and keep it. Creating it replaces
/// readline's in-memory history with the history file's. Prompts with colour must wrap each escape
/// sequence in "\u{01}" … "\u{02}" so readline can tell how wide the prompt is.
public final class LineEditor {
    private let history: HistoryFile?
    private let completer: (String, Int, String) -> [String]
    private var lastEntry: String?
    private var historyWarning: String?
    private var historyWarningGiven = false

    /// historyPath: file to load at start and append/save to (created with its folders when missing; nil = no persistence).
    /// completer(line, wordStart, word): candidates for the word being completed; `line` is the whole buffer, `wordStart` the word's UTF-8 offset.
    ///
    /// Words break at spaces, tabs and "="; after an opening quote the word starts past the quote.
    /// Candidates replace the word verbatim. A single candidate gets a space after it, except one
    /// ending in "/" (a folder) or "=" (a key waiting for its value).
    public init(historyPath: String?, completer: @escaping (_ line: String, _ wordStart: Int, _ word: String) -> [String]) {
        self.history = historyPath.map { HistoryFile(path: $0) }
        self.completer = completer
        _ = ReadlineBridge.configured
        clear_history()
        stifle_history(Int32(HistoryFile.capacity))
        for entry in history?.load() ?? [] {
            add_history(entry)
            lastEntry = entry
        }
    }

    /// Shows `prompt` and reads one edited line. Ctrl-C clears the line and returns `.interrupted`;
    /// Ctrl-D on an empty line returns `.endOfInput`. Installs `InterruptFlag`'s handler and clears
    /// the flag, so a Ctrl-C pressed before the prompt appeared does not cancel this line.
    public func readLine(prompt: String) -> LineRead {
        InterruptFlag.install()
        InterruptFlag.clear()
        _ = ReadlineBridge.initialized
        ReadlineBridge.completer = completer
        ReadlineBridge.finishedLine = nil
        fflush(stdout)
        rl_callback_handler_install(prompt, handleFinishedLine)
        while true {
            var descriptors = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: InterruptFlag.wakeUpDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if InterruptFlag.isSet {
                cancelLine()
                return .interrupted
            }
            if ready < 0 {
                if errno == EINTR { continue }
                return abandon()
            }
            let input = descriptors[0].revents
            if input & Int16(POLLNVAL) != 0 { return abandon() }
            if input & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                rl_callback_read_char()
                if let finished = ReadlineBridge.finishedLine {
                    if finished == .endOfInput { writeOut("\n") }
                    return finished
                }
                // A hang-up that readline did not take for the end of input would wake poll forever.
                if input & Int16(POLLIN) == 0 { return abandon() }
            }
        }
    }

    /// Adds a line to history (skips blanks and immediate duplicates) and persists it (history file written atomically, capped at 1,000 lines).
    ///
    /// A history file that cannot be written never stops the shell: the line stays in this
    /// session's history and `takeHistoryWarning()` tells why, once.
    public func remember(_ line: String) {
        guard !HistoryFile.isBlank(line) else { return }
        let entry = HistoryFile.entry(for: line)
        guard entry != lastEntry else { return }
        lastEntry = entry
        add_history(entry)
        guard let history else { return }
        do {
            try history.append(entry)
        } catch {
            if historyWarning == nil {
                historyWarning = "history is not saved: \(error)"
            }
        }
    }

    /// The first history-file failure, returned once so the shell can print it once; nil otherwise.
    public func takeHistoryWarning() -> String? {
        guard !historyWarningGiven, let warning = historyWarning else { return nil }
        historyWarningGiven = true
        return warning
    }

    /// The default history file: $XDG_STATE_HOME/aesh/history, else ~/.local/state/aesh/history.
    ///
    /// An empty or relative XDG_STATE_HOME is ignored, as the XDG specification asks; nil when
    /// neither it nor HOME gives a folder.
    public static func defaultHistoryPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return folder(state) + "/aesh/history"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return folder(home) + "/.local/state/aesh/history"
        }
        return nil
    }

    /// `path` without trailing slashes ("/" becomes "").
    private static func folder(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// Ctrl-C at the prompt: show "^C" after the text, drop the line and any half-typed key
    /// sequence or search, and leave the cursor on a new line with the terminal restored.
    private func cancelLine() {
        rl_point = rl_end
        rl_redisplay()
        writeOut("^C")
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_replace_line("", 0)
        rl_callback_handler_remove()
        writeOut("\n")
        InterruptFlag.clear()
    }

    /// Input that cannot be read any more counts as end of input.
    private func abandon() -> LineRead {
        rl_callback_handler_remove()
        writeOut("\n")
        return .endOfInput
    }

    private func writeOut(_ text: String) {
        fputs(text, stdout)
        fflush(stdout)
    }
}
