/// Why a baseline detector (PCA reconstruction, Isolation Forest) cannot be fitted or cannot score
/// the rows it was given.
public struct BaselineError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, as a sentence fragment for the shell to show.
    public let message: String
    public var description: String { message }

    /// An error with its message.
    public init(_ message: String) { self.message = message }

    /// The error for rows whose width differs from the rows the detector was fitted on.
    static func width(_ got: Int, fitted: Int) -> BaselineError {
        BaselineError("the rows have \(got) columns, the detector was fitted on \(fitted)")
    }
}
