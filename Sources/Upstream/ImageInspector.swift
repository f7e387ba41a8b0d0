import Foundation

/// A minimal check of image bytes: media type, JPEG/PNG signature, the end marker (`EOI` / `IEND`),
/// a size cap, and the dimensions when a frame header / `IHDR` is there (0 × 0 otherwise: the
/// sandbox's stand-in images have none).
///
/// Stands in until `Core/ImageCheck` lands on main (`ImageCheck.validate(bytes, expected:maximumBytes:)`,
/// which walks the whole structure), which replaces it.
enum ImageInspector {
    /// The dimensions of valid bytes for `expectedType` (`image/jpeg` or `image/png`).
    static func inspect(
        _ bytes: [UInt8], contentType: String?, expectedType: String, maximumBytes: Int
    )
        throws(ImageProblem) -> (width: Int, height: Int)
    {
        if bytes.count > maximumBytes { throw .tooLarge(bytes: bytes.count, limit: maximumBytes) }
        if bytes.isEmpty { throw .empty }
        if let contentType {
            let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) }
            if mediaType?.lowercased() != expectedType {
                throw .wrongContentType(found: String(contentType.prefix(60)), expected: expectedType)
            }
        }
        switch expectedType {
        case "image/png": return try png(bytes)
        default: return try jpeg(bytes)
        }
    }

    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// PNG: signature, an IEND chunk last, and the size from an IHDR chunk first when there is one.
    static func png(_ b: [UInt8]) throws(ImageProblem) -> (width: Int, height: Int) {
        guard b.count >= 8, Array(b[0..<8]) == pngSignature else { throw .notAnImage(expected: "PNG") }
        guard b.count >= 8 + 12, Array(b[(b.count - 8)..<(b.count - 4)]) == Array("IEND".utf8) else {
            throw .malformed("the PNG is cut short (no IEND chunk)")
        }
        guard b.count >= 8 + 25 + 12, readUInt32(b, 8) == 13, Array(b[12..<16]) == Array("IHDR".utf8) else {
            return (0, 0)
        }
        let width = readUInt32(b, 16)
        let height = readUInt32(b, 20)
        guard width > 0, height > 0 else { throw .malformed("the PNG has a zero size") }
        return (width, height)
    }

    /// JPEG: SOI, EOI at the end, and the size from the first start-of-frame segment (SOF0–SOF15
    /// except DHT/JPG/DAC) when the segments before the scan hold one.
    static func jpeg(_ b: [UInt8]) throws(ImageProblem) -> (width: Int, height: Int) {
        guard b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF else { throw .notAnImage(expected: "JPEG") }
        guard b.count >= 4, b[b.count - 2] == 0xFF, b[b.count - 1] == 0xD9 else {
            throw .malformed("the JPEG is cut short (no end marker)")
        }
        var index = 2
        while index + 4 <= b.count {
            guard b[index] == 0xFF else { return (0, 0) }
            let marker = b[index + 1]
            if marker == 0xFF {
                index += 1
                continue
            }
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 {
                index += 2
                continue
            }
            let length = Int(b[index + 2]) << 8 | Int(b[index + 3])
            guard length >= 2, index + 2 + length <= b.count else {
                throw .malformed("a JPEG segment overruns the file")
            }
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard length >= 7 else { throw .malformed("the JPEG frame header is too short") }
                let height = Int(b[index + 5]) << 8 | Int(b[index + 6])
                let width = Int(b[index + 7]) << 8 | Int(b[index + 8])
                guard width > 0, height > 0 else { throw .malformed("the JPEG has a zero size") }
                return (width, height)
            }
            if marker == 0xDA || marker == 0xD9 { break }
            index += 2 + length
        }
        return (0, 0)
    }

    private static func readUInt32(_ b: [UInt8], _ offset: Int) -> Int {
        Int(b[offset]) << 24 | Int(b[offset + 1]) << 16 | Int(b[offset + 2]) << 8 | Int(b[offset + 3])
    }
}
