/// Writes the entropy-coded segment of a JPEG scan: bits most significant first, a `0x00` stuffed
/// after every `0xFF` byte so no marker appears by accident, and 1-bits padding the last byte.
struct JPEGBitWriter {
    private(set) var bytes: [UInt8]
    private var buffer: UInt32 = 0
    private var count = 0

    /// Appends to `bytes` (the file written so far).
    init(appendingTo bytes: [UInt8]) { self.bytes = bytes }

    /// Writes the low `length` bits of `value` (`length` ≤ 16).
    mutating func write(_ value: UInt32, length: Int) {
        guard length > 0 else { return }
        buffer = buffer << UInt32(length) | (value & ((1 << UInt32(length)) - 1))
        count += length
        while count >= 8 {
            count -= 8
            let byte = UInt8(truncatingIfNeeded: buffer >> UInt32(count))
            bytes.append(byte)
            if byte == 0xFF { bytes.append(0x00) }
        }
        buffer &= (1 << UInt32(count)) - 1
    }

    /// Pads the last partial byte with 1-bits (as the standard asks) and returns the bytes.
    mutating func finish() -> [UInt8] {
        if count > 0 { write(0x7F, length: 8 - count) }
        return bytes
    }
}
