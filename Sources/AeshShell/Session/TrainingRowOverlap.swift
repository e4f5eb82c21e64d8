import AutoencoderKit

extension Session {
    /// How many of `rows` the session's model was trained on.
    func trainedRowCount(among rows: [Int]) -> Int {
        Self.overlap(rows, with: modelTrainingRows ?? [])
    }

    /// How many of `rows` are also among `others` (row indices into the data).
    static func overlap(_ rows: [Int], with others: [Int]) -> Int {
        guard !others.isEmpty else { return 0 }
        let seen = Set(others)
        return rows.reduce(0) { $0 + (seen.contains($1) ? 1 : 0) }
    }

    /// A note when errors of `part` are flattered because the model trained on some of those
    /// rows: a test part drawn after `train` (a new `split`), or all rows with no split at all;
    /// nil when the rows are unseen or the part is the training rows by choice.
    func trainingRowOverlapNote(part: ScoredPart, rows: [Int]) -> String? {
        let seen = trainedRowCount(among: rows)
        guard seen > 0 else { return nil }
        switch part {
        case .test:
            return "note: \(Format.count(seen)) of the \(Format.counted(rows.count, "test row")) are rows this model trained on (the split changed after `train`), so their errors flatter it: `train` again to judge it on rows it has not seen"
        case .all where split == nil:
            return "note: there is no `split`, so the model trained on \(Format.count(seen)) of these \(Format.counted(rows.count, "row")) and their errors flatter it: `split` before `train` to judge it on rows it has not seen"
        case .all, .train:
            return nil
        }
    }
}
