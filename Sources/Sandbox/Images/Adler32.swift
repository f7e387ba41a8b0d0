/// The Adler-32 checksum of RFC 1950 that ends every zlib stream (`"Wikipedia"` → `0x11E60398`).
struct Adler32 {
    private var low: UInt32 = 1
    private var high: UInt32 = 0

    /// Starts an empty checksum (its ``value`` is `1`).
    init() {}

    /// The checksum of everything passed to ``update(_:)`` so far.
    var value: UInt32 { high << 16 | low }

    /// Feeds `bytes` in, reducing modulo 65521 every 5,552 bytes (the most that cannot overflow).
    mutating func update(_ bytes: [UInt8]) {
        var low = self.low
        var high = self.high
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let end = min(buffer.count, index + 5552)
                while index < end {
                    low &+= UInt32(buffer[index])
                    high &+= low
                    index += 1
                }
                low %= 65521
                high %= 65521
            }
        }
        self.low = low
        self.high = high
    }

    /// The Adler-32 of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var adler = Adler32()
        adler.update(bytes)
        return adler.value
    }
}
