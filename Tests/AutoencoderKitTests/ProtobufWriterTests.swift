import Testing
@testable import AutoencoderKit

/// The wire format against byte sequences from the protocol-buffer encoding documentation.
@Suite struct ProtobufWriterTests {
    @Test func varintsTakeSevenBitsPerByteLeastSignificantFirst() {
        var writer = ProtobufWriter()
        writer.int(1, 150)
        #expect(writer.bytes == [0x08, 0x96, 0x01])
        var negative = ProtobufWriter()
        negative.int(2, -1)
        #expect(negative.bytes == [0x10] + [UInt8](repeating: 0xFF, count: 9) + [0x01])
    }

    @Test func stringsAndNestedMessagesAreLengthDelimited() {
        var writer = ProtobufWriter()
        writer.string(2, "testing")
        #expect(writer.bytes == [0x12, 0x07] + Array("testing".utf8))
        var outer = ProtobufWriter()
        outer.message(3) { $0.int(1, 150) }
        #expect(outer.bytes == [0x1A, 0x03, 0x08, 0x96, 0x01])
    }

    @Test func floatsAreLittleEndianIEEE() {
        var writer = ProtobufWriter()
        writer.float(2, 1)
        #expect(writer.bytes == [0x15, 0x00, 0x00, 0x80, 0x3F])
        #expect(LittleEndianBytes.of([Double(1)]) == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
    }
}
