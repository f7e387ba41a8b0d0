import Core

/// Puts a comment into a finished JPEG or PNG file without touching its picture, padded with spaces
/// to a target size: the file stays valid for every decoder.
///
/// - JPEG: `COM` segments right after `SOI` and the JFIF `APP0`; a comment longer than one segment
///   holds (65,533 bytes) goes on in the next ones.
/// - PNG: one `tEXt` chunk with the keyword `Comment`, right after `IHDR`, its CRC-32 computed.
enum ImageSplice {
    /// The most bytes one JPEG segment carries after its marker and length.
    static let segmentCapacity = 65_533

    /// `jpeg` with `comment` (and as many spaces after it as bring the file to `target` bytes) in
    /// `COM` segments of about equal length.
    static func jpeg(_ jpeg: [UInt8], comment: [UInt8], paddedTo target: Int) -> [UInt8] {
        // A segment costs 4 bytes (marker and length) besides its text.
        let room = target - jpeg.count
        let wanted = max(1, (room + segmentCapacity + 3) / (segmentCapacity + 4))
        let text = padded(comment, to: room - 4 * wanted)
        let segments = max(wanted, (text.count + segmentCapacity - 1) / segmentCapacity)
        var at = 2
        if jpeg[2] == 0xFF, jpeg[3] == 0xE0 { at += 2 + (Int(jpeg[4]) << 8 | Int(jpeg[5])) }
        var bytes = Array(jpeg[..<at])
        bytes.reserveCapacity(jpeg.count + text.count + 4 * segments)
        for segment in 0..<segments {
            let start = text.count * segment / segments
            let end = text.count * (segment + 1) / segments
            let length = end - start + 2
            bytes += [0xFF, 0xFE, UInt8(length >> 8), UInt8(length & 0xFF)]
            bytes += text[start..<end]
        }
        bytes += jpeg[at...]
        return bytes
    }

    /// `png` with a `tEXt` chunk `Comment` holding `comment` (and as many spaces after it as bring
    /// the file to `target` bytes).
    static func png(_ png: [UInt8], comment: [UInt8], paddedTo target: Int) -> [UInt8] {
        let keyword = Array("Comment".utf8) + [0]
        // Length, type and CRC: 12 bytes around the keyword and the text.
        let text = padded(comment, to: target - png.count - 12 - keyword.count)
        let at = 8 + 25  // the signature and IHDR (13 bytes of data)
        let body = Array("tEXt".utf8) + keyword + text
        let length = UInt32(body.count - 4)
        let crc = CRC32.checksum(body)
        var bytes = Array(png[..<at])
        bytes.reserveCapacity(png.count + body.count + 8)
        bytes += bigEndian(length) + body + bigEndian(crc)
        bytes += png[at...]
        return bytes
    }

    /// `comment` followed by spaces up to `count` bytes (`comment` alone when it is that long already).
    private static func padded(_ comment: [UInt8], to count: Int) -> [UInt8] {
        comment + [UInt8](repeating: 0x20, count: max(0, count - comment.count))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
