/// Finds the closest valid name for a mistyped one: a command, key, column or setting ("did you mean epochs?").
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        // No name is this long; comparing a pasted blob with every name would take seconds.
        guard word.utf8.count <= 64 else { return nil }
        let lowered = word.lowercased()
        var best: (name: String, distance: Int)? = nil
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        guard let best else { return nil }
        let allowed = max(2, min(lowered.count, best.name.count) / 3)
        let isPrefix = best.name.lowercased().hasPrefix(lowered) || lowered.hasPrefix(best.name.lowercased())
        return best.distance <= allowed || (isPrefix && lowered.count >= 2) ? best.name : nil
    }

    /// " (did you mean X?)" or "" when nothing is close.
    public static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean \($0)?)" } ?? ""
    }

    /// Levenshtein distance between two strings, by characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
