extension ImagesJPEGReader {
    /// Reads scan bits most significant first from unstuffed data.
    struct ScanBitReader {
        let data: [UInt8]
        var position = 0
        var bit = 0

        mutating func next() throws -> Int {
            guard position < data.count else { throw Failure(description: "scan data ran out") }
            let value = Int(data[position] >> UInt8(7 - bit) & 1)
            bit += 1
            if bit == 8 {
                bit = 0
                position += 1
            }
            return value
        }

        /// `size` raw bits read as a JPEG signed magnitude (F.2.2.1 EXTEND).
        mutating func extend(size: Int) throws -> Int {
            guard size > 0 else { return 0 }
            var value = 0
            for _ in 0..<size { value = value << 1 | (try next()) }
            return value < 1 << (size - 1) ? value - (1 << size) + 1 : value
        }

        /// Whether all that is left is the final byte's padding, all 1-bits.
        var onlyPaddingLeft: Bool {
            if bit == 0 { return position == data.count }
            guard position == data.count - 1 else { return false }
            let mask = UInt8((1 << (8 - bit)) - 1)
            return data[position] & mask == mask
        }
    }

    /// Canonical Huffman decoding (Annex C / F.2.2.3) from code counts per length and symbols.
    struct HuffmanDecoder {
        /// (length, code) → symbol.
        let table: [Int: Int]

        init(counts: [UInt8], symbols: [UInt8]) throws {
            var table: [Int: Int] = [:]
            var code = 0
            var index = 0
            for length in 1...16 {
                for _ in 0..<Int(counts[length - 1]) {
                    table[length << 16 | code] = Int(symbols[index])
                    code += 1
                    index += 1
                }
                guard code <= 1 << length else { throw Failure(description: "over-full Huffman table") }
                code <<= 1
            }
            self.table = table
        }

        func decode(_ reader: inout ScanBitReader) throws -> Int {
            var code = 0
            for length in 1...16 {
                code = code << 1 | (try reader.next())
                if let symbol = table[length << 16 | code] { return symbol }
            }
            throw Failure(description: "no Huffman code matches")
        }
    }
}
