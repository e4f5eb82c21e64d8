/// The protocol-buffer wire format, written by hand: enough of it to encode ONNX messages.
///
/// A message is a sequence of fields, each a key (field number << 3 | wire type) followed by a
/// varint (wire type 0), a 4-byte little-endian value (5) or a length-delimited payload (2:
/// strings, bytes, nested messages). Fields are appended in the order they are written; a
/// reader does not care about the order, and absent fields take their defaults.
struct ProtobufWriter {
    /// The encoded message so far.
    private(set) var bytes: [UInt8] = []

    private enum WireType: UInt64 { case varint = 0, fixed32 = 5, lengthDelimited = 2 }

    private mutating func key(_ field: Int, _ type: WireType) {
        varint(UInt64(field) << 3 | type.rawValue)
    }

    /// Seven bits per byte, least significant first, the high bit set on every byte but the last.
    private mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// An int64 or int32 field (a negative value takes ten bytes, as protobuf's int types do).
    mutating func int(_ field: Int, _ value: Int) {
        key(field, .varint)
        varint(UInt64(bitPattern: Int64(value)))
    }

    /// A float field.
    mutating func float(_ field: Int, _ value: Float) {
        key(field, .fixed32)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A bytes field.
    mutating func bytes(_ field: Int, _ value: [UInt8]) {
        key(field, .lengthDelimited)
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// A string field, UTF-8.
    mutating func string(_ field: Int, _ value: String) {
        bytes(field, Array(value.utf8))
    }

    /// A nested message field, written by `body` into a writer of its own.
    mutating func message(_ field: Int, _ body: (inout ProtobufWriter) -> Void) {
        var nested = ProtobufWriter()
        body(&nested)
        bytes(field, nested.bytes)
    }
}

/// Values stored as little-endian bytes, the layout of an ONNX tensor's `raw_data`.
enum LittleEndianBytes {
    /// The IEEE bits of each float, least significant byte first.
    static func of(_ values: [Float]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(values.count * 4)
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { result.append(contentsOf: $0) }
        }
        return result
    }

    /// The IEEE bits of each double, least significant byte first.
    static func of(_ values: [Double]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(values.count * 8)
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { result.append(contentsOf: $0) }
        }
        return result
    }
}
