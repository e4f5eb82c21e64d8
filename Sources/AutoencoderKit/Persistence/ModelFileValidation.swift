/// The checks a model file's fields pass before the model is used: each failure names the field.
extension ModelFile {
    /// Throws a `ModelFileError` naming `path` and the first field that is inconsistent.
    func validate(path: String) throws {
        func refuse(_ message: String) -> ModelFileError { ModelFileError(path: path, message: message) }
        do {
            try network.validate()
        } catch {
            throw refuse("the network is inconsistent: \(error)")
        }
        guard columnNames.count == network.inputSize else {
            throw refuse("the model names \(columnNames.count) columns but its network takes \(network.inputSize)")
        }
        if let ensemble {
            guard version >= 3 else {
                throw refuse("field \"ensemble\" belongs to model file version 3 and later; the file says version \(version)")
            }
            guard !ensemble.isEmpty else { throw refuse("field \"ensemble\" is empty; a model of one network has none") }
            for (index, member) in ensemble.enumerated() {
                do { try member.validate() } catch {
                    throw refuse("network \(index + 2) (ensemble[\(index)]) is inconsistent: \(error)")
                }
                guard member.inputSize == network.inputSize else {
                    throw refuse("network \(index + 2) (ensemble[\(index)]) takes \(member.inputSize) columns but the first network takes \(network.inputSize)")
                }
            }
        }
        var seen = Set<String>()
        if let repeated = columnNames.first(where: { !seen.insert($0).inserted }) {
            throw refuse("field \"columnNames\" names \"\(repeated)\" twice; each input column must have its own name")
        }
        if let idName {
            guard !idName.isEmpty, !columnNames.contains(idName), idName != labelName else {
                throw refuse("field \"idName\" \"\(idName)\" must name a column that is neither an input nor the label")
            }
        }
        if let scaler {
            do { try scaler.validate(columnCount: network.inputSize) } catch {
                throw refuse("field \"scaler\": \(error)")
            }
        }
        if let threshold {
            guard threshold.isFinite else { throw refuse("the threshold is not a finite number") }
            // Errors are never negative, so a computed threshold below 0 means a damaged file; a
            // fixed value (value=) is whatever the user chose, and the best-F1 cut under an error
            // of exactly 0 lies just below 0.
            switch thresholdRule {
            case .percentile?, .sigma?:
                guard threshold >= 0 else {
                    throw refuse("field \"threshold\" is \(threshold): a threshold chosen by \(thresholdRule.map { "\($0)" } ?? "") cannot be negative")
                }
            case .bestF1?:
                guard threshold >= -Double.leastNonzeroMagnitude else {
                    throw refuse("field \"threshold\" is \(threshold): a best-F1 cut cannot be negative")
                }
            case .value?, nil: break
            }
        }
        switch thresholdRule {
        case .percentile(let q)?:
            guard q > 0, q < 1 else {
                throw refuse("field \"thresholdRule\": the percentile \(q) is not between 0 and 1")
            }
        case .sigma(let k)?:
            guard k.isFinite, k >= 0 else {
                throw refuse("field \"thresholdRule\": sigma \(k) is not a finite number of at least 0")
            }
        case .value(let v)?:
            guard v.isFinite else { throw refuse("field \"thresholdRule\": the value \(v) is not a finite number") }
        case .bestF1?, nil: break
        }
        if thresholdRule != nil, threshold == nil {
            throw refuse("field \"thresholdRule\" is given but field \"threshold\" is not")
        }
        if let mean = trainingErrorMean {
            guard mean.isFinite, mean >= 0 else {
                throw refuse("field \"trainingErrorMean\" is \(mean): a mean error must be a finite number of at least 0")
            }
        }
        if let sd = trainingErrorSD {
            guard sd.isFinite, sd >= 0 else {
                throw refuse("field \"trainingErrorSD\" is \(sd): a standard deviation must be a finite number of at least 0")
            }
        }
        guard (trainingErrorMean == nil) == (trainingErrorSD == nil) else {
            throw refuse("fields \"trainingErrorMean\" and \"trainingErrorSD\" come together; the file has only \"\(trainingErrorMean == nil ? "trainingErrorSD" : "trainingErrorMean")\"")
        }
    }
}
