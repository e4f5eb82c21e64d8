/// The version of aesh that this build reports and writes into model files.
public let aeshVersion = "0.1.0"
