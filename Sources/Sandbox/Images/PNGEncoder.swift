import Core

/// A PNG encoder for 8-bit RGBA canvases: signature, `IHDR`, `tEXt` fields, the filtered rows
/// deflated into `IDAT` chunks of at most 32 KiB, `IEND`, each chunk with its CRC-32.
enum PNGEncoder {
    /// The largest `IDAT` payload written (decoders must join consecutive `IDAT`s; this exercises that).
    static let maximumChunk = 32_768

    /// The complete file of `canvas`, with `text` as Latin-1 `tEXt` keyword/value pairs.
    static func encode(_ canvas: ImageCanvas, text: [(keyword: String, value: String)] = []) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let header = bigEndian(UInt32(canvas.width)) + bigEndian(UInt32(canvas.height)) + [8, 6, 0, 0, 0]
        appendChunk("IHDR", header, to: &bytes)
        for (keyword, value) in text {
            appendChunk("tEXt", Array(keyword.utf8.prefix(79)) + [0] + Array(value.utf8), to: &bytes)
        }
        let stream = ZlibDeflater.compress(filteredRows(canvas))
        var start = 0
        repeat {
            let end = min(stream.count, start + maximumChunk)
            appendChunk("IDAT", Array(stream[start..<end]), to: &bytes)
            start = end
        } while start < stream.count
        appendChunk("IEND", [], to: &bytes)
        return bytes
    }

    /// Appends one chunk: length, type, data, CRC-32 of type and data.
    static func appendChunk(_ type: String, _ data: [UInt8], to bytes: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        bytes += bigEndian(UInt32(data.count)) + typeBytes + data
        var crc = CRC32()
        crc.update(typeBytes)
        crc.update(data)
        bytes += bigEndian(crc.value)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
