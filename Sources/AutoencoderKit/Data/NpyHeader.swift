/// The header of a `.npy` file: a Python dict literal such as
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }`.
struct NpyHeader: Equatable {
    /// The dtype string, e.g. `<f4`.
    var descr: String
    /// Whether the data is stored column by column.
    var fortranOrder: Bool
    /// The array's dimensions.
    var shape: [Int]

    /// A value of the dict: only what the three keys can hold is told apart.
    private enum Value {
        case string(String)
        case bool(Bool)
        case integers([Int])
        case other
    }

    /// Parses the dict literal; throws a `DataFileError` on anything malformed or missing.
    static func parse(_ bytes: [UInt8], source: String) throws -> NpyHeader {
        var cursor = Cursor(bytes: bytes, source: source)
        var entries: [String: Value] = [:]
        try cursor.expect(UInt8(ascii: "{"))
        while true {
            cursor.skipSpaces()
            if cursor.take(UInt8(ascii: "}")) { break }
            let key = try cursor.string()
            try cursor.expect(UInt8(ascii: ":"))
            entries[key] = try cursor.value()
            cursor.skipSpaces()
            if cursor.take(UInt8(ascii: ",")) { continue }
            try cursor.expect(UInt8(ascii: "}"))
            break
        }
        func bad(_ what: String) -> DataFileError {
            DataFileError(path: source, message: "bad .npy header: \(what)")
        }
        guard let descrValue = entries["descr"] else { throw bad("no 'descr'") }
        guard case .string(let descr) = descrValue else {
            throw DataFileError(path: source, message: "structured .npy arrays are not supported; save a plain numeric array")
        }
        guard case .bool(let fortran) = entries["fortran_order"] else { throw bad("no True/False 'fortran_order'") }
        guard case .integers(let shape) = entries["shape"] else { throw bad("no tuple 'shape'") }
        return NpyHeader(descr: descr, fortranOrder: fortran, shape: shape)
    }

    /// Reads the dict literal byte by byte; every step checks the end.
    private struct Cursor {
        let bytes: [UInt8]
        let source: String
        var index = 0

        init(bytes: [UInt8], source: String) {
            self.bytes = bytes
            self.source = source
        }

        func failure(_ what: String) -> DataFileError {
            DataFileError(path: source, message: "bad .npy header: \(what) at character \(index + 1)")
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpaces() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard current == byte else { return false }
            index += 1
            return true
        }

        mutating func expect(_ byte: UInt8) throws {
            skipSpaces()
            guard take(byte) else { throw failure("expected \"\(Character(Unicode.Scalar(byte)))\"") }
        }

        mutating func string() throws -> String {
            skipSpaces()
            guard let quote = current, quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else {
                throw failure("expected a quoted name")
            }
            index += 1
            let start = index
            while let byte = current, byte != quote { index += 1 }
            guard current == quote else { throw failure("unclosed string") }
            defer { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func value() throws -> Value {
            skipSpaces()
            guard let byte = current else { throw failure("missing value") }
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "("):
                return try integers()
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                try skipNested()
                return .other
            default:
                let start = index
                while let c = current, c.isIdentifierByte { index += 1 }
                guard index > start else { throw failure("unexpected character") }
                switch String(decoding: bytes[start..<index], as: UTF8.self) {
                case "True": return .bool(true)
                case "False": return .bool(false)
                default: return .other
                }
            }
        }

        /// `(n, m, …)` of non-negative integers (a trailing comma and Python 2's `L` allowed).
        mutating func integers() throws -> Value {
            index += 1
            var numbers: [Int] = []
            while true {
                skipSpaces()
                if take(UInt8(ascii: ")")) { return .integers(numbers) }
                var number = 0
                var digits = 0
                while let c = current, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                    let (times10, overflow1) = number.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = times10.addingReportingOverflow(Int(c - UInt8(ascii: "0")))
                    guard !overflow1, !overflow2 else { throw failure("a dimension is too large") }
                    number = sum
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { throw failure("expected a dimension") }
                _ = take(UInt8(ascii: "L"))
                numbers.append(number)
                skipSpaces()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: ")")) else { throw failure("expected \",\" or \")\"") }
                return .integers(numbers)
            }
        }

        /// Steps over a bracketed value (a structured dtype's list), quotes included.
        mutating func skipNested() throws {
            var depth = 0
            var quote: UInt8?
            while let byte = current {
                index += 1
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                    quote = byte
                } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "(") {
                    depth += 1
                } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { return }
                }
            }
            throw failure("unclosed bracket")
        }
    }
}

private extension UInt8 {
    /// Letters, digits, `_`, `.`, `-`, `+`: enough to step over Python words and numbers.
    var isIdentifierByte: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
            || self == UInt8(ascii: "_") || self == UInt8(ascii: ".") || self == UInt8(ascii: "-")
            || self == UInt8(ascii: "+")
    }
}
