import Core

/// Byte surgery on small images for the checker tests: split into chunks/segments, rebuild.
enum ImageCheckSurgery {
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The chunks of a well-formed PNG as (type, data).
    static func chunks(ofPNG bytes: [UInt8]) -> [(type: String, data: [UInt8])] {
        var chunks: [(String, [UInt8])] = []
        var index = 8
        while index + 12 <= bytes.count {
            let length =
                Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8
                | Int(bytes[index + 3])
            let type = String(decoding: bytes[(index + 4)..<(index + 8)], as: UTF8.self)
            chunks.append((type, Array(bytes[(index + 8)..<(index + 8 + length)])))
            index += 12 + length
        }
        return chunks
    }

    /// A PNG made of `chunks`, each with a correct CRC-32.
    static func png(_ chunks: [(type: String, data: [UInt8])]) -> [UInt8] {
        var bytes = pngSignature
        for (type, data) in chunks {
            let typeBytes = Array(type.utf8)
            bytes += bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(CRC32.checksum(typeBytes + data))
        }
        return bytes
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// The offset of the first `0xFF marker` segment of a JPEG before its first scan.
    static func segmentOffset(ofJPEG bytes: [UInt8], marker: UInt8) -> Int? {
        var index = 2
        while index + 4 <= bytes.count, bytes[index] == 0xFF {
            if bytes[index + 1] == marker { return index }
            if bytes[index + 1] == 0xDA { return nil }
            index += 2 + (Int(bytes[index + 2]) << 8 | Int(bytes[index + 3]))
        }
        return nil
    }

    /// The JPEG without any segment of `marker` before its scan.
    static func removingSegments(_ marker: UInt8, fromJPEG bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        while let start = segmentOffset(ofJPEG: bytes, marker: marker) {
            let length = Int(bytes[start + 2]) << 8 | Int(bytes[start + 3])
            bytes.removeSubrange(start..<(start + 2 + length))
        }
        return bytes
    }

    /// The error `validate` throws, or `nil` when it accepts the bytes.
    static func failure(
        _ bytes: [UInt8], _ variant: ImageVariant, maximumBytes: Int = 1 << 20
    ) -> ImageCheckError? {
        do {
            _ = try ImageCheck.validate(bytes, expected: variant, maximumBytes: maximumBytes)
            return nil
        } catch {
            return error
        }
    }
}
