import Testing
@testable import AutoencoderKit

/// The `DataFileError` that `body` throws, or nil when it succeeds; any other error is recorded
/// as a test issue.
func dataFileError(_ body: () throws -> Void) -> DataFileError? {
    do {
        try body()
        return nil
    } catch let error as DataFileError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}
