extension ZlibDeflater {
    /// Length codes 257–285: base lengths and extra bits (RFC 1951 §3.2.5).
    static let lengthBases: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    static let lengthExtraBits: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    /// Distance codes 0–29: base distances and extra bits.
    static let distanceBases: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
        4097, 6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtraBits: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    /// `lengthCode[length]` for lengths 3...258: the index into ``lengthBases``.
    static let lengthCode: [UInt8] = (0...258).map { length in
        UInt8(max(0, (lengthBases.lastIndex(where: { $0 <= length }) ?? 0)))
    }

    /// `distanceCodes[distance − 1]`: the index into ``distanceBases`` for distances 1...32768.
    static let distanceCodes: [UInt8] = {
        var codes = [UInt8](repeating: 0, count: 32_768)
        for (code, base) in distanceBases.enumerated() {
            let end = code + 1 < distanceBases.count ? distanceBases[code + 1] : 32_769
            for distance in base..<end { codes[distance - 1] = UInt8(code) }
        }
        return codes
    }()

    /// The fixed literal/length codes (RFC 1951 §3.2.6), bit-reversed for the LSB-first writer:
    /// `(code, length)` per symbol 0–287.
    static let fixedLiteralCodes: [(code: UInt32, length: Int)] = (0..<288).map { symbol in
        switch symbol {
        case 0..<144: return (reversed(UInt32(0x30 + symbol), length: 8), 8)
        case 144..<256: return (reversed(UInt32(0x190 + symbol - 144), length: 9), 9)
        case 256..<280: return (reversed(UInt32(symbol - 256), length: 7), 7)
        default: return (reversed(UInt32(0xC0 + symbol - 280), length: 8), 8)
        }
    }

    /// The fixed 5-bit distance codes 0–29, bit-reversed.
    static let fixedDistanceCodes: [UInt32] = (0..<30).map { reversed(UInt32($0), length: 5) }

    /// `code` with its low `length` bits in reverse order.
    static func reversed(_ code: UInt32, length: Int) -> UInt32 {
        var result: UInt32 = 0
        for bit in 0..<length { result |= (code >> UInt32(bit) & 1) << UInt32(length - 1 - bit) }
        return result
    }

    /// Writes literal/length symbol `symbol` (0–287) with the fixed code.
    static func writeLiteral(_ symbol: Int, into writer: inout DeflateBitWriter) {
        let entry = fixedLiteralCodes[symbol]
        writer.write(entry.code, length: entry.length)
    }

    /// Writes a back-reference of `length` (3–258) bytes at `distance` (1–32768).
    static func writeMatch(length: Int, distance: Int, into writer: inout DeflateBitWriter) {
        let code = Int(lengthCode[length])
        writeLiteral(257 + code, into: &writer)
        writer.write(UInt32(length - lengthBases[code]), length: lengthExtraBits[code])
        let distanceIndex = Int(distanceCodes[distance - 1])
        writer.write(fixedDistanceCodes[distanceIndex], length: 5)
        writer.write(UInt32(distance - distanceBases[distanceIndex]), length: distanceExtraBits[distanceIndex])
    }
}
