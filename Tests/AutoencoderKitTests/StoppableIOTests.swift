import Foundation
import Testing
@testable import AutoencoderKit

/// Reads and writes that a caller can stop (Ctrl-C in the shell): a stopped write leaves the file
/// as it was and no temporary file beside it; a stopped read returns nothing.
final class StoppableIOTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "aesh-stoppable-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    @Test func aWriteStoppedAfterItsFirstMegabyteLeavesTheOldFile() throws {
        let path = folder + "/out.csv"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        let big = Data(repeating: UInt8(ascii: "x"), count: 3 * DescriptorWriter.pieceBytes)
        var asked = 0
        #expect(throws: InterruptedError.writing(path)) {
            try AtomicFile.write(big, to: path, shouldStop: { asked += 1; return asked > 1 })
        }
        #expect(asked == 2, "the stop is asked between pieces")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
    }

    @Test func aWriteNotStoppedWritesEverything() throws {
        let path = folder + "/out.csv"
        let big = Data(repeating: UInt8(ascii: "y"), count: 2 * DescriptorWriter.pieceBytes + 5)
        try AtomicFile.write(big, to: path, shouldStop: { false })
        #expect(FileManager.default.contents(atPath: path) == big)
    }

    @Test func aWriteIntoAFIFOWithNoReaderStopsWhenAsked() throws {
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        var asked = 0
        #expect(throws: InterruptedError.writing(fifo)) {
            try AtomicFile.write("x\n", to: fifo, shouldStop: { asked += 1; return asked > 2 })
        }
    }

    @Test func aReadStopsBeforeItsFirstChunk() throws {
        let path = folder + "/data.csv"
        try "a,b\n1,2\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: InterruptedError.reading(path)) {
            try TableReader.read(path: path, options: TableReadOptions(), shouldStop: { true })
        }
        #expect(try TableReader.read(path: path, options: TableReadOptions()).dataset.rowCount == 1)
    }

    @Test func aReadOfAFIFOWithNoWriterStopsWhenAsked() throws {
        let fifo = folder + "/pipe.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        let calls = Calls()
        #expect(throws: InterruptedError.reading(fifo)) {
            try FileBytes.read(path: fifo, limit: 1 << 20, shouldStop: { calls.next() > 2 })
        }
        #expect(throws: InterruptedError.reading(fifo)) {
            try ModelFile.read(path: fifo, shouldStop: { true })
        }
    }

    @Test func aFIFOIsReadWholeOnceItsWriterCloses() throws {
        let fifo = folder + "/pipe.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            let descriptor = open(fifo, O_WRONLY)
            guard descriptor >= 0 else { return }
            _ = "a,b\n1,2\n3,4\n".withCString { write(descriptor, $0, strlen($0)) }
            close(descriptor)
        }
        writer.start()
        let table = try TableReader.read(path: fifo, options: TableReadOptions())
        #expect(table.dataset.rowCount == 2)
    }
}

/// A counter a `@Sendable` stop check can bump.
private final class Calls: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
}
