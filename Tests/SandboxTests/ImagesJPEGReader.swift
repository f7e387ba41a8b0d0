import Foundation

/// A small baseline JPEG decoder for the tests: it parses the segments, Huffman-decodes every block
/// of the one interleaved scan, dequantizes, runs a textbook inverse DCT and converts to RGB, so the
/// sandbox's JPEGs are checked for decodability without any library.
struct ImagesJPEGReader {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Component {
        let id: UInt8
        let horizontal: Int
        let vertical: Int
        let quantizationTable: Int
        var dcTable = 0
        var acTable = 0
    }

    var width = 0
    var height = 0
    /// Markers in file order (`0xD8` … `0xDA`, `0xD9`).
    var markers: [UInt8] = []
    var comment: String?
    var jfif = false
    /// Quantization tables by id, zig-zag order as stored.
    var quantization: [Int: [Int]] = [:]
    /// Huffman tables by `class << 4 | id`: (counts, symbols).
    var huffman: [Int: (counts: [UInt8], symbols: [UInt8])] = [:]
    var components: [Component] = []
    /// How many `0xFF 0x00` stuffing pairs the scan holds.
    var stuffedBytes = 0
    /// RGB, row by row.
    var rgb: [UInt8] = []

    init(_ bytes: [UInt8]) throws {
        guard bytes.starts(with: [0xFF, 0xD8]) else { throw Failure(description: "no SOI") }
        markers.append(0xD8)
        var index = 2
        while true {
            guard bytes[index] == 0xFF else { throw Failure(description: "expected a marker at \(index)") }
            let marker = bytes[index + 1]
            markers.append(marker)
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            let body = Array(bytes[(index + 4)..<(index + 2 + length)])
            index += 2 + length
            try readSegment(marker, body)
            if marker == 0xDA { break }
        }
        var end = index
        var data: [UInt8] = []
        while !(bytes[end] == 0xFF && bytes[end + 1] != 0x00) {
            data.append(bytes[end])
            if bytes[end] == 0xFF {
                stuffedBytes += 1
                end += 1
            }
            end += 1
        }
        guard bytes[end + 1] == 0xD9, end + 2 == bytes.count else { throw Failure(description: "no EOI at the end") }
        markers.append(0xD9)
        try decodeScan(data)
    }

    private mutating func readSegment(_ marker: UInt8, _ body: [UInt8]) throws {
        switch marker {
        case 0xE0: jfif = body.starts(with: Array("JFIF\u{0}".utf8))
        case 0xFE: comment = String(decoding: body, as: UTF8.self)
        case 0xDB:
            var offset = 0
            while offset < body.count {
                guard body[offset] >> 4 == 0 else { throw Failure(description: "16-bit table") }
                quantization[Int(body[offset] & 0x0F)] = body[(offset + 1)..<(offset + 65)].map(Int.init)
                offset += 65
            }
        case 0xC4:
            var offset = 0
            while offset < body.count {
                let counts = Array(body[(offset + 1)..<(offset + 17)])
                let total = counts.reduce(0) { $0 + Int($1) }
                huffman[Int(body[offset])] = (counts, Array(body[(offset + 17)..<(offset + 17 + total)]))
                offset += 17 + total
            }
        case 0xC0:
            height = Int(body[1]) << 8 | Int(body[2])
            width = Int(body[3]) << 8 | Int(body[4])
            for index in 0..<Int(body[5]) {
                let base = 6 + index * 3
                components.append(
                    Component(
                        id: body[base], horizontal: Int(body[base + 1] >> 4), vertical: Int(body[base + 1] & 0x0F),
                        quantizationTable: Int(body[base + 2])))
            }
        case 0xDA:
            for index in 0..<Int(body[0]) {
                let id = body[1 + index * 2]
                let tables = body[2 + index * 2]
                guard let position = components.firstIndex(where: { $0.id == id }) else {
                    throw Failure(description: "scan names an unknown component")
                }
                components[position].dcTable = Int(tables >> 4)
                components[position].acTable = Int(tables & 0x0F)
            }
        case 0xC1...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
            throw Failure(description: "not baseline")
        default: break
        }
    }
}
