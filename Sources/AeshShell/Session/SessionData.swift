import AutoencoderKit

extension Session {
    /// Makes `data` the session's data and returns what it dropped, for `load` to say.
    ///
    /// What depended on the old rows (split, scores, evaluation, embedding) is always forgotten. A
    /// model (trained or opened) whose columns the new data has stays, so `open MODEL; load NEW.csv`
    /// scores the new file; a model whose columns the new data lacks is dropped with its threshold,
    /// like every other result of the old columns. The scaling method stays and is refitted on the
    /// new training rows, unless an opened model that stays brought its own scaler.
    @discardableResult
    public mutating func replaceData(_ newData: Dataset, source: String, missingPerColumn: [Int]? = nil) throws -> [String] {
        var dropped: [String] = []
        if let old = model, !missingColumns(old.columns, in: newData.columnNames).isEmpty {
            let layout = old.widths.map(String.init).joined(separator: " → ")
            let what = old.isTrained ? "the trained model (\(layout))" : "the model opened from \(old.sourceName) (\(layout))"
            dropped.append(old.threshold == nil ? what : what + " with its threshold")
            model = nil
        }
        if split != nil { dropped.append("the split") }
        if scores != nil { dropped.append("the reconstruction errors") }
        if embedding != nil { dropped.append("the t-SNE embedding") }
        data = newData
        dataSource = source
        dataDigest = nil
        lastRun = nil
        modelTrainingRows = nil
        self.missingPerColumn = missingPerColumn
        split = nil
        embedding = nil
        clearScores()
        forgetOverlayScores()
        // The scaler for the next training follows the data, unless an opened model brought it; the
        // model keeps its own.
        if model?.isTrained ?? true {
            if model == nil, scaler != nil, scalingMethod == nil {
                dropped.append("the opened model's scaler")
                scaler = nil
            }
            try refitScaler()
        }
        return dropped
    }
}
