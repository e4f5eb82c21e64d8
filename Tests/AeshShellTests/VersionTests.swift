import Testing
@testable import AeshShell

@Test func versionIsSemantic() {
    #expect(aeshVersion.split(separator: ".").count == 3)
}
