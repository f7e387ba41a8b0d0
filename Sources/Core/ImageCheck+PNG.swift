extension ImageCheck {
    /// Walks a PNG's chunks from the signature to `IEND`, checking every CRC-32, without inflating.
    struct PNGWalker {
        let bytes: [UInt8]
        var index = 8
        var header: (width: Int, height: Int, colourType: UInt8)?
        var sawPalette = false
        /// Where the `IDAT` run stands: not started, running, or ended by another chunk.
        var imageData = ImageDataState.none
        /// The first two bytes of the zlib stream (the `IDAT` contents joined).
        var zlibHeader: [UInt8] = []

        enum ImageDataState { case none, running, ended }

        init(bytes: [UInt8]) { self.bytes = bytes }

        /// Checks the whole file; returns the dimensions from `IHDR`.
        mutating func walk() throws(ImageCheckError) -> (width: Int, height: Int) {
            guard bytes.count >= 8 else { throw .truncated(.png) }
            while true {
                guard index + 8 <= bytes.count else { throw .truncated(.png) }
                let start = index
                let length = Int(readUInt32(at: index))
                let typeBytes = bytes[(index + 4)..<(index + 8)]
                guard typeBytes.allSatisfy(Self.isLetter) else {
                    throw malformed("the chunk at byte \(start) has no valid type: the file is damaged")
                }
                guard length <= 0x7FFF_FFFF else {
                    throw malformed("the chunk at byte \(start) claims an impossible length")
                }
                guard index + 12 + length <= bytes.count else { throw .truncated(.png) }
                let type = String(decoding: typeBytes, as: UTF8.self)
                let stored = readUInt32(at: index + 8 + length)
                guard CRC32.checksum(bytes, in: (index + 4)..<(index + 8 + length)) == stored else {
                    throw .checksumMismatch(chunk: type, offset: start)
                }
                let body = bytes[(index + 8)..<(index + 8 + length)]
                index += 12 + length
                guard type == "IHDR" || header != nil else { throw malformed("the first chunk is \(type), not IHDR") }
                if imageData == .running, type != "IDAT" { imageData = .ended }
                switch type {
                case "IHDR": try readHeader(body)
                case "PLTE": try readPalette(body)
                case "IDAT": try readImageData(body)
                case "IEND":
                    guard length == 0 else { throw malformed("the end chunk (IEND) is not empty") }
                    guard imageData != .none else { throw malformed("it has no image data (IDAT)") }
                    guard zlibHeader.count == 2 else { throw malformed("its image data is too short") }
                    try ImageCheck.checkTrailer(bytes, from: index, format: .png)
                    return (header!.width, header!.height)
                default:
                    if Self.isUppercase(typeBytes.first!) {
                        throw .unsupported(.png, reason: "it has a critical chunk (\(type)) no decoder knows")
                    }
                }
            }
        }

        /// Checks `IHDR`: dimensions, a legal bit depth for the colour type, known methods.
        mutating func readHeader(_ body: ArraySlice<UInt8>) throws(ImageCheckError) {
            guard header == nil else { throw malformed("it has a second header chunk (IHDR)") }
            guard body.count == 13 else { throw malformed("its header chunk (IHDR) has the wrong length") }
            let start = body.startIndex
            let width = Int(readUInt32(at: start))
            let height = Int(readUInt32(at: start + 4))
            let depth = body[start + 8]
            let colourType = body[start + 9]
            let depths: [UInt8]
            switch colourType {
            case 0: depths = [1, 2, 4, 8, 16]
            case 3: depths = [1, 2, 4, 8]
            case 2, 4, 6: depths = [8, 16]
            default: throw malformed("its header gives an unknown colour type \(colourType)")
            }
            guard depths.contains(depth) else {
                throw malformed("its header gives a bit depth of \(depth) for colour type \(colourType)")
            }
            guard body[start + 10] == 0, body[start + 11] == 0, body[start + 12] <= 1 else {
                throw malformed("its header gives an unknown compression, filter or interlace method")
            }
            guard ImageCheck.saneDimensions(width: width, height: height) else {
                throw .badDimensions(.png, width: width, height: height)
            }
            header = (width, height, colourType)
        }

        /// Checks `PLTE`: whole RGB entries, before the image data, allowed by the colour type.
        mutating func readPalette(_ body: ArraySlice<UInt8>) throws(ImageCheckError) {
            guard !sawPalette, imageData == .none else { throw malformed("its palette (PLTE) is misplaced") }
            guard header!.colourType != 0, header!.colourType != 4 else {
                throw malformed("it has a palette (PLTE) its colour type does not allow")
            }
            guard !body.isEmpty, body.count % 3 == 0, body.count <= 768 else {
                throw malformed("its palette (PLTE) has a broken length")
            }
            sawPalette = true
        }

        /// Checks an `IDAT`: consecutive with the others, starting a valid zlib stream.
        mutating func readImageData(_ body: ArraySlice<UInt8>) throws(ImageCheckError) {
            guard imageData != .ended else { throw malformed("its image data (IDAT) is split by other chunks") }
            guard header!.colourType != 3 || sawPalette else {
                throw malformed("it has palette colours but no palette (PLTE) before the image data")
            }
            imageData = .running
            for byte in body.prefix(2 - zlibHeader.count) { zlibHeader.append(byte) }
            if zlibHeader.count == 2 {
                let method = zlibHeader[0]
                let flags = zlibHeader[1]
                let check = (Int(method) << 8 | Int(flags)) % 31
                guard method & 0x0F == 8, method >> 4 <= 7, check == 0, flags & 0x20 == 0 else {
                    throw malformed("its image data does not start a valid zlib stream")
                }
            }
        }

        func readUInt32(at offset: Int) -> UInt32 {
            UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
                | UInt32(bytes[offset + 3])
        }

        static func isLetter(_ byte: UInt8) -> Bool { isUppercase(byte) || (0x61...0x7A).contains(byte) }
        static func isUppercase(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }

        func malformed(_ reason: String) -> ImageCheckError { .malformed(.png, reason: reason) }
    }
}
