/// The CRC-32 of ISO 3309 / ITU-T V.42 (reflected polynomial `0xEDB88320`), as PNG chunks, zlib's
/// `crc32()` and gzip use it.
///
/// One-shot: `CRC32.checksum(bytes)`. Incremental: make a value, ``update(_:)`` it with each piece,
/// read ``value``. `CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926`.
public struct CRC32: Sendable, Hashable {
    /// The checksum of everything passed to ``update(_:)`` so far.
    public var value: UInt32 { ~register }

    /// The running register (the complement of the checksum).
    private var register: UInt32 = 0xFFFF_FFFF

    /// Starts an empty checksum (its ``value`` is `0`).
    public init() {}

    /// Feeds `bytes` into the checksum.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update($0) }
        if done == nil { update(Array(bytes)) }
    }

    /// Feeds `bytes[range]` into the checksum without copying the slice.
    public mutating func update(_ bytes: [UInt8], in range: Range<Int>) {
        bytes.withUnsafeBufferPointer { buffer in update(UnsafeBufferPointer(rebasing: buffer[range])) }
    }

    /// Feeds the bytes of `buffer` in, a table lookup per byte.
    public mutating func update(_ buffer: UnsafeBufferPointer<UInt8>) {
        var crc = register
        CRC32.table.withUnsafeBufferPointer { table in
            for byte in buffer {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
        }
        register = crc
    }

    /// The CRC-32 of `bytes`.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    /// The CRC-32 of `bytes[range]`.
    public static func checksum(_ bytes: [UInt8], in range: Range<Int>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes, in: range)
        return crc.value
    }

    /// The byte-at-a-time lookup table of the reflected polynomial.
    private static let table: [UInt32] = (0..<256).map { index in
        var entry = UInt32(index)
        for _ in 0..<8 {
            entry = entry & 1 == 1 ? 0xEDB8_8320 ^ (entry >> 1) : entry >> 1
        }
        return entry
    }
}
