import Foundation

/// A trained model as saved on disk: the network with the scaler, the threshold and the column
/// names it was trained with, so that new data can be scored exactly as the training data was.
///
/// The file is versioned JSON: `{"format": "aesh-model", "version": 2, …}`. Floats are written in
/// their shortest exact form, so a saved and reopened model gives bit-identical scores.
///
/// Versions: 1 (aesh 0.1.0) holds dense layers only and names no layer kind; 2 records each
/// layer's `"kind"`; 3 adds `"ensemble"`, the further networks of a seed ensemble. This build
/// reads all three (a version-1 file's layers are dense) and writes 2 for one network (which an
/// aesh that reads only 1 and 2 still opens) and 3 for an ensemble.
/// A model file's version is never rewritten in place: `open` then `save` writes the current one.
public struct ModelFile: Codable, Equatable, Sendable {
    /// The marker that says a file is an aesh model.
    public static let formatName = "aesh-model"
    /// The newest version this build writes and reads (an ensemble's).
    public static let currentVersion = 3
    /// The version this build writes for a model of one network.
    public static let singleNetworkVersion = 2
    /// The versions this build reads.
    public static let readableVersions = 1...currentVersion

    /// Always `formatName`.
    public var format: String
    /// The file format version.
    public var version: Int
    /// The program that wrote the file, e.g. "aesh 0.1.0".
    public var createdBy: String
    /// The feature columns, in the order the network expects them.
    public var columnNames: [String]
    /// The name of the label column in the training data, if it had one.
    public var labelName: String?
    /// The name of the id column in the training data, if it had one (optional in version 2:
    /// files written before it existed have none, and an aesh that does not know it ignores it).
    public var idName: String?
    /// The scaler fitted on the training rows, if the data was scaled.
    public var scaler: FittedScaler?
    /// The network (the first of an ensemble's).
    public var network: Autoencoder
    /// The ensemble's other networks, in order (version 3; absent for one network). A row's error
    /// is the mean of all the networks' errors.
    public var ensemble: [Autoencoder]?
    /// The anomaly threshold, if one was chosen.
    public var threshold: Double?
    /// How the threshold was chosen.
    public var thresholdRule: ThresholdRule?
    /// Reconstruction errors of the training rows, summarised, for `threshold sigma=`.
    public var trainingErrorMean: Double?
    /// Standard deviation of the training rows' errors.
    public var trainingErrorSD: Double?

    /// A model file of the version this build writes: `singleNetworkVersion` for one network,
    /// `currentVersion` when `ensemble` holds further networks.
    public init(createdBy: String, columnNames: [String], labelName: String?, idName: String? = nil, scaler: FittedScaler?,
                network: Autoencoder, ensemble: [Autoencoder] = [], threshold: Double?, thresholdRule: ThresholdRule?,
                trainingErrorMean: Double?, trainingErrorSD: Double?) {
        self.format = Self.formatName
        self.version = ensemble.isEmpty ? Self.singleNetworkVersion : Self.currentVersion
        self.ensemble = ensemble.isEmpty ? nil : ensemble
        self.createdBy = createdBy
        self.columnNames = columnNames
        self.labelName = labelName
        self.idName = idName
        self.scaler = scaler
        self.network = network
        self.threshold = threshold
        self.thresholdRule = thresholdRule
        self.trainingErrorMean = trainingErrorMean
        self.trainingErrorSD = trainingErrorSD
    }

    /// The file's bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// Writes the model to `path` whole or not at all.
    public func write(to path: String) throws {
        try AtomicFile.write(encoded(), to: path)
    }

    /// Model files larger than this are refused (4 GiB holds more weights than `train` makes).
    public static let maximumBytes = 1 << 32

    private static let notAModel = "not an aesh model file (it may be truncated or written by another program)"

    /// Reads and checks a model file; every way it can be wrong is a `ModelFileError` naming the path.
    /// `shouldStop` can end the read (an `InterruptedError`), e.g. of a FIFO nothing writes to.
    public static func read(path: String, shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> ModelFile {
        let data: Data
        do {
            // The first bytes decide whether the rest is worth reading: a model is a JSON object,
            // and a device such as /dev/zero must be refused before it fills the memory.
            let input = try FileInput(path: path, shouldStop: shouldStop)
            var head = [UInt8](repeating: 0, count: 4096)
            let got = try head.withUnsafeMutableBytes { try input.read(into: $0) }
            head.removeLast(head.count - got)
            let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
            guard head.first(where: { !isSpace($0) }) == UInt8(ascii: "{") else {
                throw ModelFileError(path: path, message: notAModel)
            }
            data = Data(got < 4096 ? head : head + (try input.readAll(limit: maximumBytes - got)))
        } catch let error as DataFileError {
            throw ModelFileError(path: path, message: error.message)
        }
        return try decode(data, path: path)
    }

    /// Decodes and checks model file bytes; `path` names them in errors.
    public static func decode(_ data: Data, path: String) throws -> ModelFile {
        struct Header: Decodable { var format: String?; var version: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == formatName else {
            throw ModelFileError(path: path, message: notAModel)
        }
        guard let version = header.version else {
            throw ModelFileError(path: path, message: "the model file has no version")
        }
        guard readableVersions.contains(version) else {
            let versions = readableVersions
            let readable = versions.count == 1 ? "version \(versions.lowerBound)"
                : versions.count == 2 ? "versions \(versions.lowerBound) and \(versions.upperBound)"
                : "versions \(versions.lowerBound) to \(versions.upperBound)"
            throw ModelFileError(path: path, message: "model file version \(version) is not one this aesh reads (it reads \(readable))")
        }
        let model: ModelFile
        do {
            let decoder = JSONDecoder()
            decoder.userInfo[NetworkLayer.fileVersionKey] = version
            model = try decoder.decode(ModelFile.self, from: data)
        } catch {
            throw ModelFileError(path: path, message: "the model file is damaged: \(describe(decodingError: error))")
        }
        try model.validate(path: path)
        return model
    }

    private static func describe(decodingError error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field \"\(fieldPath(context.codingPath + [key]))\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = fieldPath(context.codingPath)
            return path.isEmpty ? context.debugDescription : "bad field \"\(path)\""
        @unknown default: return "\(error)"
        }
    }

    /// `network.layers[0].kind`: a decoding path as a person would write it.
    private static func fieldPath(_ keys: [CodingKey]) -> String {
        keys.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += (path.isEmpty ? "" : ".") + key.stringValue
            }
        }
    }
}

/// A model file could not be read or is not a valid model.
public struct ModelFileError: Error, CustomStringConvertible, Equatable {
    /// The file.
    public let path: String
    /// What is wrong with it.
    public let message: String
    public var description: String { "\(path): \(message)" }
}
