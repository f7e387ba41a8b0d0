/// A small zlib (RFC 1950) compressor: greedy LZ77 over a 32 KiB window with hash chains, coded in
/// one DEFLATE block with the fixed Huffman codes (RFC 1951 §3.2.6). Plenty for filtered PNG rows.
enum ZlibDeflater {
    /// How many earlier positions with the same 3-byte hash are tried for a match.
    static let maximumChain = 8
    /// A match this long ends the search at once (zlib's "nice length").
    static let goodEnough = 64

    /// The zlib stream of `data`: header, DEFLATE data, Adler-32.
    static func compress(_ data: [UInt8]) -> [UInt8] {
        var writer = DeflateBitWriter(capacity: data.count / 4 + 64)
        writer.write(1, length: 1)  // BFINAL
        writer.write(1, length: 2)  // BTYPE 01: fixed Huffman codes
        data.withUnsafeBufferPointer { encode($0, into: &writer) }
        writeLiteral(256, into: &writer)
        let checksum = Adler32.checksum(data)
        return [0x78, 0x5E] + writer.finish() + [
            UInt8(checksum >> 24), UInt8(checksum >> 16 & 0xFF), UInt8(checksum >> 8 & 0xFF), UInt8(checksum & 0xFF),
        ]
    }

    /// Greedy LZ77: at each position take the longest match the hash chain offers, else a literal.
    private static func encode(_ data: UnsafeBufferPointer<UInt8>, into writer: inout DeflateBitWriter) {
        let window = 32_768
        var head = [Int32](repeating: -1, count: 1 << 15)
        var previous = [Int32](repeating: -1, count: window)
        let count = data.count
        func hash(_ position: Int) -> Int {
            (Int(data[position]) << 10 ^ Int(data[position + 1]) << 5 ^ Int(data[position + 2])) & 0x7FFF
        }
        func insert(_ position: Int, key: Int) {
            previous[position & (window - 1)] = head[key]
            head[key] = Int32(position)
        }
        var position = 0
        while position < count {
            guard position + 2 < count else {
                writeLiteral(Int(data[position]), into: &writer)
                position += 1
                continue
            }
            var bestLength = 0
            var bestDistance = 0
            let key = hash(position)
            var candidate = Int(head[key])
            var chain = maximumChain
            let limit = min(258, count - position)
            while candidate >= 0, position - candidate <= window, chain > 0 {
                if data[candidate + bestLength] == data[position + bestLength] {
                    var length = 0
                    while length < limit, data[candidate + length] == data[position + length] { length += 1 }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = position - candidate
                        if length >= min(limit, goodEnough) { break }
                    }
                }
                candidate = Int(previous[candidate & (window - 1)])
                chain -= 1
            }
            insert(position, key: key)
            if bestLength >= 3 {
                writeMatch(length: bestLength, distance: bestDistance, into: &writer)
                for next in (position + 1)..<min(position + bestLength, count - 2) { insert(next, key: hash(next)) }
                position += bestLength
            } else {
                writeLiteral(Int(data[position]), into: &writer)
                position += 1
            }
        }
    }
}
