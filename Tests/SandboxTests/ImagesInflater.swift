/// A minimal zlib inflater for the tests (stored and fixed-Huffman blocks, which is all our encoder
/// writes), so PNG output can be decoded without any library. It checks the zlib header and the
/// Adler-32 at the end, computed here independently of the encoder's.
enum ImagesInflater {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The data of zlib stream `bytes`.
    static func inflate(zlib bytes: [UInt8]) throws -> [UInt8] {
        guard bytes.count >= 6, bytes[0] & 0x0F == 8, (Int(bytes[0]) << 8 | Int(bytes[1])) % 31 == 0 else {
            throw Failure(description: "bad zlib header")
        }
        var reader = BitReader(bytes: bytes, position: 2)
        var output: [UInt8] = []
        var final = false
        while !final {
            final = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0: try storedBlock(&reader, into: &output)
            case 1: try fixedBlock(&reader, into: &output)
            default: throw Failure(description: "unexpected block type")
            }
        }
        let end = reader.position + (reader.bitCount > 0 ? 1 : 0)
        guard end + 4 == bytes.count else { throw Failure(description: "stream length mismatch") }
        let stored = bytes[end..<(end + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard stored == adler32(output) else { throw Failure(description: "Adler-32 mismatch") }
        return output
    }

    /// Adler-32 the slow, obvious way.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    private static func storedBlock(_ reader: inout BitReader, into output: inout [UInt8]) throws {
        reader.alignToByte()
        let length = try reader.bits(16)
        let complement = try reader.bits(16)
        guard length ^ 0xFFFF == complement else { throw Failure(description: "bad stored length") }
        for _ in 0..<length { output.append(UInt8(try reader.bits(8))) }
    }

    private static func fixedBlock(_ reader: inout BitReader, into output: inout [UInt8]) throws {
        let lengthBases = [
            3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
            163, 195, 227, 258,
        ]
        let distanceBases = [
            1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
            1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
        ]
        while true {
            let symbol = try fixedSymbol(&reader)
            if symbol < 256 {
                output.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let code = symbol - 257
                guard code < 29 else { throw Failure(description: "bad length symbol") }
                let extra = code < 8 || code == 28 ? 0 : (code - 4) / 4
                let length = lengthBases[code] + (try reader.bits(extra))
                var distanceCode = 0
                for _ in 0..<5 { distanceCode = distanceCode << 1 | (try reader.bits(1)) }
                guard distanceCode < 30 else { throw Failure(description: "bad distance symbol") }
                let distanceExtra = distanceCode < 4 ? 0 : (distanceCode - 2) / 2
                let distance = distanceBases[distanceCode] + (try reader.bits(distanceExtra))
                guard distance <= output.count else { throw Failure(description: "distance too far back") }
                for _ in 0..<length { output.append(output[output.count - distance]) }
            }
        }
    }

    /// One literal/length symbol in the fixed code (codes arrive most significant bit first).
    private static func fixedSymbol(_ reader: inout BitReader) throws -> Int {
        var code = 0
        for _ in 0..<7 { code = code << 1 | (try reader.bits(1)) }
        if code <= 0x17 { return 256 + code }
        code = code << 1 | (try reader.bits(1))
        if (0x30...0xBF).contains(code) { return code - 0x30 }
        if (0xC0...0xC7).contains(code) { return 280 + code - 0xC0 }
        code = code << 1 | (try reader.bits(1))
        guard (0x190...0x1FF).contains(code) else { throw Failure(description: "bad literal code") }
        return 144 + code - 0x190
    }

    /// Reads DEFLATE bits, least significant first.
    struct BitReader {
        let bytes: [UInt8]
        var position: Int
        var bitCount = 0

        mutating func bits(_ count: Int) throws -> Int {
            var value = 0
            for index in 0..<count {
                guard position < bytes.count else { throw Failure(description: "stream cut short") }
                value |= Int(bytes[position] >> UInt8(bitCount) & 1) << index
                bitCount += 1
                if bitCount == 8 {
                    bitCount = 0
                    position += 1
                }
            }
            return value
        }

        mutating func alignToByte() {
            if bitCount > 0 {
                bitCount = 0
                position += 1
            }
        }
    }
}
