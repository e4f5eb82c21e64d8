import AutoencoderKit

extension Session {
    /// Makes `data` the session's data. What depended on the old rows (split, scores, evaluation)
    /// is forgotten; a model (trained or opened) stays, and must find its columns in the new data.
    public mutating func replaceData(_ newData: Dataset, source: String, missingPerColumn: [Int]? = nil) throws {
        if let expected = model?.columns {
            let missing = missingColumns(expected, in: newData.columnNames)
            if !missing.isEmpty {
                throw ShellError("the model in this session needs the column\(missing.count == 1 ? "" : "s") \(quotedList(missing)), which \(source) lacks")
            }
        }
        data = newData
        dataSource = source
        self.missingPerColumn = missingPerColumn
        split = nil
        embedding = nil
        clearScores()
        // The scaler for the next training follows the data, unless an opened model brought it; the
        // model keeps its own.
        if model?.isTrained ?? true { try refitScaler() }
    }
}
