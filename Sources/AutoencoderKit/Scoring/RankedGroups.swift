/// Rows grouped by distinct score, highest score first: the one sort that ROC AUC, average
/// precision, the curves and the best-F1 threshold all walk.
///
/// Rows with equal scores cannot be separated by any threshold, so they are counted as one group.
/// A label of 0 is normal; any other label counts as an anomaly (positive).
struct RankedGroups {
    /// One distinct score and how many normal and anomalous rows have it.
    struct Group {
        var score: Double
        var positives: Int
        var negatives: Int
    }

    /// Groups in descending score order.
    let groups: [Group]
    /// Anomalous rows in total.
    let positives: Int
    /// Normal rows in total.
    let negatives: Int

    /// Groups `scores` with their `labels`; nil when a score is NaN (it cannot be ranked).
    /// Only the first min(scores.count, labels.count) rows are used.
    init?(scores: [Double], labels: [UInt8]) {
        let count = min(scores.count, labels.count)
        var rows: [(score: Double, positive: Bool)] = []
        rows.reserveCapacity(count)
        for index in 0..<count {
            let score = scores[index]
            if score.isNaN { return nil }
            rows.append((score, labels[index] != 0))
        }
        rows.sort { $0.score > $1.score }

        var groups: [Group] = []
        var positives = 0, negatives = 0
        for row in rows {
            if row.positive { positives += 1 } else { negatives += 1 }
            if let last = groups.last, last.score == row.score {
                groups[groups.count - 1].positives += row.positive ? 1 : 0
                groups[groups.count - 1].negatives += row.positive ? 0 : 1
            } else {
                groups.append(Group(score: row.score, positives: row.positive ? 1 : 0,
                                    negatives: row.positive ? 0 : 1))
            }
        }
        self.groups = groups
        self.positives = positives
        self.negatives = negatives
    }

    /// The threshold that, with the rule `error > threshold`, flags exactly the groups up to and
    /// including `index`: the next lower distinct score (the highest score left normal), or just
    /// below the lowest score when every row is flagged.
    func cut(after index: Int) -> Double {
        let next = index + 1
        if next < groups.count { return groups[next].score }
        return groups.last.map { $0.score.nextDown } ?? 0
    }

    /// The threshold that flags no row: the highest score (0 when there are no rows).
    var cutFlaggingNothing: Double { groups.first?.score ?? 0 }
}
