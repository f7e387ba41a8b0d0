/// Writes a DEFLATE bit stream (RFC 1951): values least significant bit first. Huffman codes go
/// most significant bit first, so callers pass them already bit-reversed.
struct DeflateBitWriter {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Writes the low `length` bits of `value`, least significant first.
    mutating func write(_ value: UInt32, length: Int) {
        buffer |= UInt64(value & ((1 << UInt32(length)) &- 1)) << UInt64(count)
        count += length
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    /// Flushes the last partial byte (padded with zero bits) and returns the stream.
    mutating func finish() -> [UInt8] {
        if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        buffer = 0
        count = 0
        return bytes
    }
}
