import Core

/// Decodes the 8-bit RGBA, non-interlaced PNGs the sandbox writes: every chunk's CRC-32 checked,
/// `IDAT`s joined and inflated, all five row filters undone.
struct ImagesPNGReader {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    var width = 0
    var height = 0
    /// Chunk types in file order.
    var chunkTypes: [String] = []
    /// Sizes of the `IDAT` chunks.
    var imageDataSizes: [Int] = []
    /// `tEXt` keyword → text.
    var text: [String: String] = [:]
    /// RGBA, row by row.
    var pixels: [UInt8] = []

    init(_ bytes: [UInt8]) throws {
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw Failure(description: "no PNG signature")
        }
        var index = 8
        var stream: [UInt8] = []
        while index < bytes.count {
            let length = Int(bytes[index..<(index + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            let type = String(decoding: bytes[(index + 4)..<(index + 8)], as: UTF8.self)
            let data = Array(bytes[(index + 8)..<(index + 8 + length)])
            let crc = bytes[(index + 8 + length)..<(index + 12 + length)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard CRC32.checksum(Array(bytes[(index + 4)..<(index + 8)]) + data) == crc else {
                throw Failure(description: "CRC mismatch in \(type)")
            }
            chunkTypes.append(type)
            switch type {
            case "IHDR":
                width = Int(data[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
                height = Int(data[4..<8].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
                guard Array(data[8...]) == [8, 6, 0, 0, 0] else { throw Failure(description: "not 8-bit RGBA") }
            case "IDAT":
                stream += data
                imageDataSizes.append(length)
            case "tEXt":
                let split = data.firstIndex(of: 0)!
                text[String(decoding: data[..<split], as: UTF8.self)] = String(
                    decoding: data[(split + 1)...], as: UTF8.self)
            default: break
            }
            index += 12 + length
        }
        let filtered = try ImagesInflater.inflate(zlib: stream)
        let stride = width * 4
        guard filtered.count == height * (stride + 1) else { throw Failure(description: "wrong amount of image data") }
        pixels = [UInt8](repeating: 0, count: height * stride)
        for row in 0..<height {
            let type = filtered[row * (stride + 1)]
            for column in 0..<stride {
                let raw = filtered[row * (stride + 1) + 1 + column]
                let left = column >= 4 ? Int(pixels[row * stride + column - 4]) : 0
                let up = row > 0 ? Int(pixels[(row - 1) * stride + column]) : 0
                let upperLeft = row > 0 && column >= 4 ? Int(pixels[(row - 1) * stride + column - 4]) : 0
                let predictor: Int
                switch type {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4:
                    let estimate = left + up - upperLeft
                    let (a, b, c) = (abs(estimate - left), abs(estimate - up), abs(estimate - upperLeft))
                    predictor = a <= b && a <= c ? left : (b <= c ? up : upperLeft)
                default: throw Failure(description: "unknown filter \(type)")
                }
                pixels[row * stride + column] = UInt8(truncatingIfNeeded: Int(raw) + predictor)
            }
        }
    }
}
