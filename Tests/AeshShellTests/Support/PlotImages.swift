import Foundation

/// A decoded 8-bit, non-interlaced PNG: enough of the format to prove that a chart was drawn as
/// asked (size) and is not blank (its pixels). The compressed pixel data is inflated by the
/// system's zlib, loaded at run time so the test target needs no module for it.
struct PlotPNG {
    let width: Int
    let height: Int
    /// Bytes per pixel: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA (palette images are not expected).
    let channels: Int
    /// The unfiltered pixel bytes, row after row.
    let pixels: [UInt8]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The width and height in the IHDR chunk, without decoding the pixels.
    static func size(of data: Data) throws -> (width: Int, height: Int) {
        let bytes = [UInt8](data)
        guard bytes.count > 24, Array(bytes[0..<8]) == signature, String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR" else {
            throw Failure(description: "not a PNG (no signature and IHDR)")
        }
        return (bigEndian(bytes, 16), bigEndian(bytes, 20))
    }

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count > 8, Array(bytes[0..<8]) == Self.signature else { throw Failure(description: "no PNG signature") }
        var offset = 8
        var header: [UInt8] = [], compressed: [UInt8] = []
        while offset + 12 <= bytes.count {
            let length = Self.bigEndian(bytes, offset)
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            guard offset + 12 + length <= bytes.count else { throw Failure(description: "chunk \(type) runs past the end") }
            let body = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            if type == "IHDR" { header = body }
            if type == "IDAT" { compressed += body }
            offset += 12 + length
            if type == "IEND" { break }
        }
        guard header.count == 13 else { throw Failure(description: "no IHDR chunk") }
        width = Self.bigEndian(header, 0)
        height = Self.bigEndian(header, 4)
        guard header[8] == 8, header[12] == 0 else { throw Failure(description: "bit depth \(header[8]) / interlace \(header[12]) not handled") }
        switch header[9] {
        case 0: channels = 1
        case 4: channels = 2
        case 2: channels = 3
        case 6: channels = 4
        default: throw Failure(description: "colour type \(header[9]) not handled")
        }
        let stride = width * channels
        let raw = try Self.inflate(compressed, expected: height * (stride + 1))
        pixels = try Self.unfilter(raw, height: height, stride: stride, channels: channels)
    }

    /// The colour of pixel (x, y) as RGB (grey repeated); alpha is ignored.
    func rgb(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let base = (y * width + x) * channels
        if channels < 3 { return (pixels[base], pixels[base], pixels[base]) }
        return (pixels[base], pixels[base + 1], pixels[base + 2])
    }

    /// Every distinct RGB colour in the image.
    var colours: Set<UInt32> {
        var seen = Set<UInt32>()
        for y in 0..<height {
            for x in 0..<width {
                let c = rgb(x, y)
                seen.insert(UInt32(c.r) << 16 | UInt32(c.g) << 8 | UInt32(c.b))
            }
        }
        return seen
    }

    /// How many pixels satisfy `test`, given red, green and blue from 0 to 255.
    func count(where test: (Int, Int, Int) -> Bool) -> Int {
        var n = 0
        for y in 0..<height {
            for x in 0..<width {
                let c = rgb(x, y)
                if test(Int(c.r), Int(c.g), Int(c.b)) { n += 1 }
            }
        }
        return n
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int) -> Int {
        Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }

    private typealias Uncompress = @convention(c) (UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt>?,
                                                   UnsafePointer<UInt8>?, UInt) -> Int32

    /// zlib's `uncompress`, looked up in libz.so.1.
    private static func inflate(_ input: [UInt8], expected: Int) throws -> [UInt8] {
        guard let library = dlopen("libz.so.1", RTLD_NOW), let symbol = dlsym(library, "uncompress") else {
            throw Failure(description: "zlib (libz.so.1) is not available to decode the PNG")
        }
        let uncompress = unsafeBitCast(symbol, to: Uncompress.self)
        var output = [UInt8](repeating: 0, count: expected)
        var length = UInt(expected)
        let status = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { uncompress(out.baseAddress, &length, $0.baseAddress, UInt($0.count)) }
        }
        guard status == 0, Int(length) == expected else {
            throw Failure(description: "zlib status \(status), \(length) of \(expected) bytes")
        }
        return output
    }

    /// Undoes PNG's per-row filters (None, Sub, Up, Average, Paeth).
    private static func unfilter(_ raw: [UInt8], height: Int, stride: Int, channels: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: height * stride)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            let source = y * (stride + 1) + 1, row = y * stride
            for i in 0..<stride {
                let x = raw[source + i]
                let a = i >= channels ? Int(out[row + i - channels]) : 0
                let b = y > 0 ? Int(out[row - stride + i]) : 0
                let c = (i >= channels && y > 0) ? Int(out[row - stride + i - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c)
                default: throw Failure(description: "unknown filter \(filter) on row \(y)")
                }
                out[row + i] = UInt8(truncatingIfNeeded: Int(x) + predictor)
            }
        }
        return out
    }
}
