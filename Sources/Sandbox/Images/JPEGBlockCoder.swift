/// Turns one 8×8 block of samples into entropy-coded bits: forward DCT, quantization, zig-zag,
/// DC difference and AC run-length coding with one component's Huffman tables.
struct JPEGBlockCoder {
    /// Per coefficient (natural order): 1 / (quantizer × the AAN DCT's output scale).
    let reciprocals: [Float]
    let dc: JPEGHuffmanTable
    let ac: JPEGHuffmanTable

    /// The AAN algorithm leaves coefficient `k` of each dimension scaled by `scale[k]`
    /// (`cos(kπ/16)·√2` for k > 0, 1 for k = 0), and the whole by 8.
    private static let aanScale: [Double] = [
        1.0, 1.387_039_845, 1.306_562_965, 1.175_875_602, 1.0, 0.785_694_958, 0.541_196_100, 0.275_899_379,
    ]

    init(quantization: [Int], dc: JPEGHuffmanTable, ac: JPEGHuffmanTable) {
        reciprocals = (0..<64).map { index in
            let scale = JPEGBlockCoder.aanScale[index / 8] * JPEGBlockCoder.aanScale[index % 8] * 8
            return Float(1 / (Double(quantization[index]) * scale))
        }
        self.dc = dc
        self.ac = ac
    }

    /// Encodes `block` (samples centred on zero; overwritten) after the block whose DC was `previousDC`.
    func encode(_ block: inout [Float], previousDC: inout Int, into writer: inout JPEGBitWriter) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 64) { coefficients in
            block.withUnsafeMutableBufferPointer { samples in
                JPEGBlockCoder.forwardDCT(samples)
                JPEGTables.naturalOrder.withUnsafeBufferPointer { order in
                    reciprocals.withUnsafeBufferPointer { reciprocals in
                        for index in 0..<64 {
                            let natural = order[index]
                            let scaled = samples[natural] * reciprocals[natural]
                            // Round half away from zero without a libm call.
                            coefficients[index] = Int(scaled + (scaled < 0 ? -0.5 : 0.5))
                        }
                    }
                }
            }
            encode(coefficients, previousDC: &previousDC, into: &writer)
        }
    }

    /// Huffman-codes quantized coefficients in zig-zag order: the DC difference, then AC runs.
    private func encode(
        _ coefficients: UnsafeMutableBufferPointer<Int>, previousDC: inout Int, into writer: inout JPEGBitWriter
    ) {
        let difference = coefficients[0] - previousDC
        previousDC = coefficients[0]
        let dcSize = JPEGBlockCoder.magnitudeSize(difference)
        writer.write(UInt32(dc.codes[dcSize]), length: Int(dc.lengths[dcSize]))
        writer.write(JPEGBlockCoder.magnitudeBits(difference, size: dcSize), length: dcSize)
        var run = 0
        for index in 1..<64 {
            let value = coefficients[index]
            if value == 0 {
                run += 1
                continue
            }
            while run > 15 {
                writer.write(UInt32(ac.codes[0xF0]), length: Int(ac.lengths[0xF0]))
                run -= 16
            }
            let size = JPEGBlockCoder.magnitudeSize(value)
            let symbol = run << 4 | size
            writer.write(UInt32(ac.codes[symbol]), length: Int(ac.lengths[symbol]))
            writer.write(JPEGBlockCoder.magnitudeBits(value, size: size), length: size)
            run = 0
        }
        if run > 0 { writer.write(UInt32(ac.codes[0x00]), length: Int(ac.lengths[0x00])) }
    }

    /// The number of bits of `|value|` (the JPEG "category"; 0 for 0).
    static func magnitudeSize(_ value: Int) -> Int { Int.bitWidth - value.magnitude.leadingZeroBitCount }

    /// The extra bits that follow a category: `value` itself, or `value − 1` in `size` bits if negative.
    static func magnitudeBits(_ value: Int, size: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: value < 0 ? value - 1 : value) & ((1 << UInt32(size)) &- 1)
    }
}
