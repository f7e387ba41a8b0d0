import Core

/// The container structure of a delivered image, read without decoding pixels: every JPEG segment
/// up to the scan and the end marker, or every PNG chunk with its CRC-32 checked; the comment the
/// sandbox spliced in; and the file without it (the stock picture).
struct ImagesStructure {
    /// A file that does not hold together.
    struct Broken: Error, CustomStringConvertible {
        let description: String
    }

    /// JPEG: the markers in order up to `SOS` (`"D8"`, `"E0"`, `"FE"`…); PNG: the chunk types.
    var parts: [String] = []
    /// The comment: the `COM` segments' text joined, or the `tEXt` chunk `Comment`'s text.
    var comment = ""
    /// How many `COM` segments or `tEXt` chunks carry it.
    var commentParts = 0
    /// The file with the comment taken out again.
    var picture: [UInt8] = []

    init(_ bytes: [UInt8]) throws {
        if bytes.starts(with: [0xFF, 0xD8]) {
            try readJPEG(bytes)
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            try readPNG(bytes)
        } else {
            throw Broken(description: "neither a JPEG SOI nor the PNG signature")
        }
    }

    private mutating func readJPEG(_ bytes: [UInt8]) throws {
        guard bytes.suffix(2) == [0xFF, 0xD9] else { throw Broken(description: "no EOI at the end") }
        parts = ["D8"]
        picture = [0xFF, 0xD8]
        var index = 2
        var text: [UInt8] = []
        while true {
            guard index + 4 <= bytes.count, bytes[index] == 0xFF else {
                throw Broken(description: "no marker at byte \(index)")
            }
            let marker = bytes[index + 1]
            let end = index + 2 + (Int(bytes[index + 2]) << 8 | Int(bytes[index + 3]))
            guard end <= bytes.count else { throw Broken(description: "a segment runs past the end") }
            parts.append(String(marker, radix: 16, uppercase: true))
            if marker == 0xFE {
                text += bytes[(index + 4)..<end]
                commentParts += 1
            } else {
                picture += bytes[index..<end]
            }
            if marker == 0xDA {
                picture += bytes[end...]
                break
            }
            index = end
        }
        comment = String(decoding: text, as: UTF8.self)
    }

    private mutating func readPNG(_ bytes: [UInt8]) throws {
        picture = Array(bytes[..<8])
        var index = 8
        while parts.last != "IEND" {
            guard index + 12 <= bytes.count else { throw Broken(description: "cut short at byte \(index)") }
            let length = bytes[index..<(index + 4)].reduce(0) { $0 << 8 | Int($1) }
            let end = index + 12 + length
            guard end <= bytes.count else { throw Broken(description: "a chunk runs past the end") }
            let stored = bytes[(end - 4)..<end].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let type = String(decoding: bytes[(index + 4)..<(index + 8)], as: UTF8.self)
            guard CRC32.checksum(bytes, in: (index + 4)..<(end - 4)) == stored else {
                throw Broken(description: "the CRC-32 of \(type) at byte \(index) is wrong")
            }
            parts.append(type)
            let data = bytes[(index + 8)..<(end - 4)]
            if type == "tEXt", let zero = data.firstIndex(of: 0), data[..<zero].elementsEqual("Comment".utf8) {
                comment = String(decoding: data[(zero + 1)...], as: UTF8.self)
                commentParts += 1
            } else {
                picture += bytes[index..<end]
            }
            index = end
        }
        guard index == bytes.count else { throw Broken(description: "bytes after IEND") }
    }
}
