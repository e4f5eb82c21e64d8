import Foundation
import Testing
@testable import AeshShell

@Suite struct SHA256Tests {
    /// The digest of `data` as sha256sum prints it.
    static func reference(_ data: Data) throws -> String {
        let folder = NSTemporaryDirectory() + "aesh-sha-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try data.write(to: URL(fileURLWithPath: folder + "/input"))
        let process = Process(), output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [folder + "/input"]
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }

    /// Empty, short, the padding edges (55, 56, 63, 64, 65 bytes), several blocks and a file read
    /// in pieces all give sha256sum's digest.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum"), "needs sha256sum"))
    func matchesSha256sum() throws {
        var inputs: [Data] = [Data(), Data("abc".utf8)]
        for count in [55, 56, 63, 64, 65, 127, 128, 1_000, 100_003] {
            // A fixed byte pattern that is not periodic in the block length.
            inputs.append(Data((0..<count).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }))
        }
        for input in inputs {
            #expect(SHA256.hex(input) == (try Self.reference(input)), "\(input.count) bytes")
        }
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // Fed in uneven pieces, the digest is the same as of the whole.
        let whole = inputs[inputs.count - 1]
        var pieces = SHA256()
        var offset = 0
        for size in [1, 63, 64, 1_000, 7] + Array(repeating: 4_096, count: 30) where offset < whole.count {
            let end = min(whole.count, offset + size)
            pieces.update(whole[offset..<end])
            offset = end
        }
        pieces.update(whole[offset...])
        #expect(pieces.hexDigest() == SHA256.hex(whole))
    }
}
