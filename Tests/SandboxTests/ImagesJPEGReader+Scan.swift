import Foundation

extension ImagesJPEGReader {
    /// Decodes the unstuffed scan `data` into ``rgb``.
    mutating func decodeScan(_ data: [UInt8]) throws {
        let maxH = components.map(\.horizontal).max()!
        let maxV = components.map(\.vertical).max()!
        let mcusAcross = (width + 8 * maxH - 1) / (8 * maxH)
        let mcusDown = (height + 8 * maxV - 1) / (8 * maxV)
        var planes = components.map {
            [Float](repeating: 0, count: mcusAcross * $0.horizontal * 8 * mcusDown * $0.vertical * 8)
        }
        var predictions = [Int](repeating: 0, count: components.count)
        var reader = ScanBitReader(data: data)
        let decoders = try huffman.mapValues { try HuffmanDecoder(counts: $0.counts, symbols: $0.symbols) }
        for mcuY in 0..<mcusDown {
            for mcuX in 0..<mcusAcross {
                for (index, component) in components.enumerated() {
                    let stride = mcusAcross * component.horizontal * 8
                    for v in 0..<component.vertical {
                        for h in 0..<component.horizontal {
                            guard let dc = decoders[component.dcTable], let ac = decoders[0x10 | component.acTable],
                                let table = quantization[component.quantizationTable]
                            else { throw Failure(description: "missing table") }
                            let block = try decodeBlock(
                                &reader, dc: dc, ac: ac, table: table, prediction: &predictions[index])
                            let originX = (mcuX * component.horizontal + h) * 8
                            let originY = (mcuY * component.vertical + v) * 8
                            for y in 0..<8 {
                                for x in 0..<8 {
                                    planes[index][(originY + y) * stride + originX + x] = block[y * 8 + x]
                                }
                            }
                        }
                    }
                }
            }
        }
        guard reader.onlyPaddingLeft else { throw Failure(description: "scan data left over after the last block") }
        rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                func sample(_ index: Int) -> Float {
                    let component = components[index]
                    let stride = mcusAcross * component.horizontal * 8
                    return planes[index][(y * component.vertical / maxV) * stride + x * component.horizontal / maxH]
                }
                let luma = sample(0)
                let (cb, cr) = components.count == 3 ? (sample(1) - 128, sample(2) - 128) : (0, 0)
                let values = [luma + 1.402 * cr, luma - 0.344_136 * cb - 0.714_136 * cr, luma + 1.772 * cb]
                for channel in 0..<3 {
                    rgb[(y * width + x) * 3 + channel] = UInt8(max(0, min(255, values[channel].rounded())))
                }
            }
        }
    }

    /// One block: DC difference, AC run/size pairs, dequantization, inverse DCT, level shift.
    private func decodeBlock(
        _ reader: inout ScanBitReader, dc: HuffmanDecoder, ac: HuffmanDecoder, table: [Int], prediction: inout Int
    ) throws -> [Float] {
        var coefficients = [Float](repeating: 0, count: 64)
        let natural = ImagesJPEGReader.naturalOrder
        let dcSize = try dc.decode(&reader)
        prediction += try reader.extend(size: dcSize)
        coefficients[0] = Float(prediction * table[0])
        var index = 1
        while index < 64 {
            let symbol = try ac.decode(&reader)
            let run = symbol >> 4
            let size = symbol & 0x0F
            if size == 0 {
                guard run == 15 else { break }
                index += 16
                continue
            }
            index += run
            guard index < 64 else { throw Failure(description: "AC run past the block") }
            coefficients[natural[index]] = Float(try reader.extend(size: size) * table[index])
            index += 1
        }
        return ImagesJPEGReader.inverseDCT(coefficients)
    }

    /// The textbook separable 8×8 inverse DCT, plus the +128 level shift.
    static func inverseDCT(_ coefficients: [Float]) -> [Float] {
        var rows = [Float](repeating: 0, count: 64)
        var output = [Float](repeating: 0, count: 64)
        for v in 0..<8 {
            for x in 0..<8 {
                var sum: Float = 0
                for u in 0..<8 { sum += cosines[x * 8 + u] * coefficients[v * 8 + u] }
                rows[v * 8 + x] = sum
            }
        }
        for y in 0..<8 {
            for x in 0..<8 {
                var sum: Float = 0
                for v in 0..<8 { sum += cosines[y * 8 + v] * rows[v * 8 + x] }
                output[y * 8 + x] = sum + 128
            }
        }
        return output
    }

    /// `cosines[x * 8 + u]` = ½·C(u)·cos((2x+1)uπ/16), C(0) = 1/√2.
    static let cosines: [Float] = (0..<64).map { index in
        let x = Double(index / 8)
        let u = Double(index % 8)
        return Float(0.5 * (u == 0 ? 1 / 2.0.squareRoot() : 1) * cos((2 * x + 1) * u * Double.pi / 16))
    }

    /// Zig-zag position → row-major position, written out (not computed like the encoder's).
    static let naturalOrder = [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14,
        21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53,
        60, 61, 54, 47, 55, 62, 63,
    ]
}
