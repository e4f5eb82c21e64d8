import AutoencoderKit

/// What commands need from the session, with the message that says how to get it when it is missing.
extension Session {
    /// The data, or an error saying to load or generate some.
    public func requireData() throws -> Dataset {
        guard let data else {
            throw ShellError("no data yet: load a file with `load PATH` or make some with `generate`")
        }
        return data
    }

    /// The model, or an error saying to train or open one.
    public func requireModel() throws -> AnomalyModel {
        guard let model else {
            throw ShellError("no model yet: train one with `train` or open a saved one with `open PATH`")
        }
        return model
    }

    /// The model's network, or an error saying to train or open one.
    public func requireNetwork() throws -> Autoencoder { try requireModel().network }

    /// The scores, or an error saying to run `errors`.
    public func requireScores() throws -> Scores {
        guard let scores else { throw ShellError("no reconstruction errors yet: run `errors` first") }
        return scores
    }

    /// Rows of the training part (all rows before any `split`).
    public func trainPartIndices(of data: Dataset) -> [Int] {
        split?.trainIndices ?? Array(0..<data.rowCount)
    }

    /// The rows the autoencoder learns from: the normal rows of the training part when labels exist.
    public func trainingRowIndices(of data: Dataset) -> [Int] {
        let part = trainPartIndices(of: data)
        guard let labels = data.labels else { return part }
        return part.filter { labels[$0] == 0 }
    }

    /// The row indices of one part of the data.
    public func rowIndices(of part: ScoredPart, in data: Dataset) throws -> [Int] {
        switch part {
        case .all: return Array(0..<data.rowCount)
        case .train: return trainPartIndices(of: data)
        case .test:
            guard let split else { throw ShellError("there is no test part: run `split` first, or use on=all") }
            return split.testIndices
        }
    }

    /// The part `errors` scores when not told: the test part after a split, else all rows.
    public var defaultScoredPart: ScoredPart { split == nil ? .all : .test }

    /// `data`'s features in the column order the model expects, scaled as the model was trained
    /// (before any model: the data's own columns, with the scaler for the next training).
    /// Throws when the data lacks a column the model was trained on.
    public func modelInputs(from data: Dataset, rows: [Int]) throws -> Matrix {
        if let model {
            do { return try model.inputs(from: data, rows: rows) } catch let error as AnomalyModelError {
                throw ShellError(error.message)
            }
        }
        var features = data.features.selectingRows(rows)
        if let scaler {
            guard scaler.columnCount == features.columns else {
                throw ShellError("the scaler was fitted on \(scaler.columnCount) columns, the data has \(features.columns): run `scale` again")
            }
            features = scaler.transform(features)
        }
        return features
    }

    /// Refits the scaling method (if one was chosen) on the current training rows; with no
    /// training rows there is nothing to fit, and `train` will say so.
    public mutating func refitScaler() throws {
        guard let method = scalingMethod, let data else { return }
        let rows = trainingRowIndices(of: data)
        guard !rows.isEmpty else {
            scaler = nil
            return
        }
        do {
            scaler = try FittedScaler.fit(method, on: data.features.selectingRows(rows))
        } catch let error as ScalingError {
            guard let column = error.column, data.columnNames.indices.contains(column) else { throw error }
            throw ShellError("\(method.rawValue) scaling of column \"\(data.columnNames[column])\": \(error.message)")
        }
    }

    /// Forgets everything derived from the data's scores (after new data, split or model).
    public mutating func clearScores() {
        scores = nil
        evaluation = nil
    }
}

/// The names in `needed` that `available` lacks, in `needed`'s order.
func missingColumns(_ needed: [String], in available: [String]) -> [String] {
    let present = Set(available)
    return needed.filter { !present.contains($0) }
}

/// `"a", "b", "c"` for messages.
func quotedList(_ names: [String]) -> String {
    names.map { "\"\($0)\"" }.joined(separator: ", ")
}
