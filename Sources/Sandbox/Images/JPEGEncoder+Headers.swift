extension JPEGEncoder {
    /// `SOI`, `APP0` (JFIF 1.01), `COM`, `DQT`, `SOF0`, `DHT` and `SOS`: everything before the scan data.
    func headers(width: Int, height: Int, comment: String) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        JPEGEncoder.appendSegment(
            0xE0, Array("JFIF".utf8) + [0, 1, 1, 1, 0, 72, 0, 72, 0, 0], to: &bytes)
        JPEGEncoder.appendSegment(0xFE, Array(comment.utf8.prefix(60_000)), to: &bytes)
        var tables: [UInt8] = []
        for (id, table) in [luminanceQuantization, chrominanceQuantization].enumerated() {
            tables.append(UInt8(id))
            tables += JPEGTables.naturalOrder.map { UInt8(table[$0]) }
        }
        JPEGEncoder.appendSegment(0xDB, tables, to: &bytes)
        let frame: [UInt8] = [
            8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 3,
            1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
        ]
        JPEGEncoder.appendSegment(0xC0, frame, to: &bytes)
        var huffman: [UInt8] = []
        let classes: [(UInt8, JPEGHuffmanTable)] = [
            (0x00, .luminanceDC), (0x10, .luminanceAC), (0x01, .chrominanceDC), (0x11, .chrominanceAC),
        ]
        for (classAndID, table) in classes {
            huffman += [classAndID] + table.counts + table.symbols
        }
        JPEGEncoder.appendSegment(0xC4, huffman, to: &bytes)
        JPEGEncoder.appendSegment(0xDA, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0], to: &bytes)
        return bytes
    }

    /// Appends marker `0xFF marker`, the big-endian length (counting itself) and `body`.
    static func appendSegment(_ marker: UInt8, _ body: [UInt8], to bytes: inout [UInt8]) {
        let length = body.count + 2
        bytes += [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)]
        bytes += body
    }
}
