extension ImageCheck {
    /// Walks a JPEG's marker segments and entropy-coded data from `SOI` to `EOI` without decoding.
    struct JPEGWalker {
        let bytes: [UInt8]
        var index = 2
        var frame: (width: Int, height: Int)?
        var sawQuantizationTable = false
        var sawScan = false

        init(bytes: [UInt8]) { self.bytes = bytes }

        /// Checks the whole file; returns the frame's dimensions.
        mutating func walk() throws(ImageCheckError) -> (width: Int, height: Int) {
            guard bytes.count >= 2 else { throw .truncated(.jpeg) }
            while true {
                let marker = try nextMarker()
                switch marker {
                case 0xD9:
                    guard sawScan, let frame else { throw malformed("the end marker comes before any image data") }
                    try ImageCheck.checkTrailer(bytes, from: index, format: .jpeg)
                    return frame
                case 0xD8:
                    throw malformed("a second start-of-image marker follows at byte \(index - 2)")
                case 0x01, 0xD0...0xD7:
                    continue
                case 0x00:
                    throw malformed("a stuffed data byte appears outside the image data at byte \(index - 2)")
                default:
                    try segment(marker)
                }
            }
        }

        /// Reads the marker at `index` (after optional `0xFF` fill bytes) and moves past it.
        mutating func nextMarker() throws(ImageCheckError) -> UInt8 {
            guard index < bytes.count else { throw .truncated(.jpeg) }
            guard bytes[index] == 0xFF else { throw malformed("expected a marker at byte \(index), found other data") }
            while index < bytes.count, bytes[index] == 0xFF { index += 1 }
            guard index < bytes.count else { throw .truncated(.jpeg) }
            defer { index += 1 }
            return bytes[index]
        }

        /// Checks one length-prefixed segment and moves past it (and past the scan data after `SOS`).
        mutating func segment(_ marker: UInt8) throws(ImageCheckError) {
            guard index + 2 <= bytes.count else { throw .truncated(.jpeg) }
            let length = Int(bytes[index]) << 8 | Int(bytes[index + 1])
            guard length >= 2 else { throw malformed("the segment at byte \(index - 2) has an impossible length") }
            guard index + length <= bytes.count else { throw .truncated(.jpeg) }
            let body = bytes[(index + 2)..<(index + length)]
            index += length
            switch marker {
            case 0xC0, 0xC1, 0xC2: try readFrame(body, marker: marker)
            case 0xC3, 0xC5, 0xC6, 0xC7, 0xCB, 0xCD, 0xCE, 0xCF:
                throw .unsupported(.jpeg, reason: "it uses lossless or hierarchical coding")
            case 0xC9, 0xCA: throw .unsupported(.jpeg, reason: "it uses arithmetic coding")
            case 0xDB: try readQuantizationTables(body)
            case 0xC4: try readHuffmanTables(body)
            case 0xDA:
                try readScanHeader(body)
                try skipEntropyCodedData()
            default: break
            }
        }

        /// Checks a frame header (`SOF0`–`SOF2`) and records its dimensions.
        mutating func readFrame(_ body: ArraySlice<UInt8>, marker: UInt8) throws(ImageCheckError) {
            guard frame == nil else { throw malformed("it has more than one frame header") }
            guard body.count >= 6 else { throw malformed("the frame header is too short") }
            let start = body.startIndex
            let precision = body[start]
            let height = Int(body[start + 1]) << 8 | Int(body[start + 2])
            let width = Int(body[start + 3]) << 8 | Int(body[start + 4])
            let components = Int(body[start + 5])
            guard precision == 8 || (precision == 12 && marker != 0xC0) else {
                throw malformed("the frame header gives a sample precision of \(precision) bits")
            }
            guard (1...4).contains(components), body.count == 6 + 3 * components else {
                throw malformed("the frame header lists \(components) colour components inconsistently")
            }
            for component in 0..<components {
                let sampling = body[start + 7 + 3 * component]
                let table = body[start + 8 + 3 * component]
                guard (1...4).contains(sampling >> 4), (1...4).contains(sampling & 0x0F), table <= 3 else {
                    throw malformed("the frame header has an invalid colour component")
                }
            }
            guard ImageCheck.saneDimensions(width: width, height: height) else {
                throw .badDimensions(.jpeg, width: width, height: height)
            }
            frame = (width, height)
        }

        /// Checks that a `DQT` segment holds whole 8- or 16-bit tables.
        mutating func readQuantizationTables(_ body: ArraySlice<UInt8>) throws(ImageCheckError) {
            var offset = body.startIndex
            while offset < body.endIndex {
                let precision = body[offset] >> 4
                guard precision <= 1, body[offset] & 0x0F <= 3 else {
                    throw malformed("a quantization table is invalid")
                }
                offset += 1 + 64 * (Int(precision) + 1)
            }
            guard offset == body.endIndex, !body.isEmpty else { throw malformed("a quantization table is cut off") }
            sawQuantizationTable = true
        }

        /// Checks that a `DHT` segment holds whole Huffman tables of at most 256 codes each.
        func readHuffmanTables(_ body: ArraySlice<UInt8>) throws(ImageCheckError) {
            var offset = body.startIndex
            while offset < body.endIndex {
                guard body[offset] >> 4 <= 1, body[offset] & 0x0F <= 3, offset + 17 <= body.endIndex else {
                    throw malformed("a Huffman table is invalid")
                }
                let codes = body[(offset + 1)..<(offset + 17)].reduce(0) { $0 + Int($1) }
                guard codes <= 256 else { throw malformed("a Huffman table has more than 256 codes") }
                offset += 17 + codes
            }
            guard offset == body.endIndex, !body.isEmpty else { throw malformed("a Huffman table is cut off") }
        }

        /// Checks a scan header (`SOS`) against what came before it.
        mutating func readScanHeader(_ body: ArraySlice<UInt8>) throws(ImageCheckError) {
            guard frame != nil else { throw malformed("image data starts before the frame header") }
            guard sawQuantizationTable else { throw malformed("image data starts before any quantization table") }
            let components = body.first.map(Int.init) ?? 0
            guard (1...4).contains(components), body.count == 4 + 2 * components else {
                throw malformed("a scan header is inconsistent")
            }
            sawScan = true
        }

        /// Moves past entropy-coded data (stuffed `0xFF 0x00`, restart markers) to the next marker.
        mutating func skipEntropyCodedData() throws(ImageCheckError) {
            let count = bytes.count
            let start = index
            let next: Int? = bytes.withUnsafeBufferPointer { buffer in
                var position = start
                while true {
                    while position < count, buffer[position] != 0xFF { position += 1 }
                    guard position + 1 < count else { return nil }
                    let byte = buffer[position + 1]
                    if byte == 0x00 || (0xD0...0xD7).contains(byte) {
                        position += 2
                    } else if byte == 0xFF {
                        position += 1
                    } else {
                        return position
                    }
                }
            }
            guard let next else { throw .truncated(.jpeg) }
            index = next
        }

        func malformed(_ reason: String) -> ImageCheckError { .malformed(.jpeg, reason: reason) }
    }
}
