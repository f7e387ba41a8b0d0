import Core
import Foundation
import Testing

@Suite("Image check: accepting real images, CRC-32")
struct ImageCheckTests {
    @Test("CRC-32 gives the published check values, in one piece or many")
    func crc32KnownAnswers() {
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        let fox = Array("The quick brown fox jumps over the lazy dog".utf8)
        #expect(CRC32.checksum(fox) == 0x414F_A339)
        var pieces = CRC32()
        pieces.update(fox[..<10])
        pieces.update(fox[10...])
        #expect(pieces.value == 0x414F_A339)
        #expect(CRC32.checksum([0x00, 0x00] + fox + [0xFF], in: 2..<(2 + fox.count)) == 0x414F_A339)
        // The CRC of the IEND chunk type, which every PNG ends with.
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
    }

    @Test("JPEGs written by libjpeg (baseline, progressive, greyscale) pass with their dimensions")
    func acceptsRealJPEGs() throws {
        let cases: [([UInt8], Int, Int)] = [
            (ImageCheckFixtures.baselineJPEG3x2, 3, 2), (ImageCheckFixtures.progressiveJPEG17x9, 17, 9),
            (ImageCheckFixtures.greyJPEG2x5, 2, 5),
        ]
        for (bytes, width, height) in cases {
            for variant in [ImageVariant.front, .back] {
                let info = try ImageCheck.validate(bytes, expected: variant, maximumBytes: 10_000)
                #expect(info == ImageInfo(format: .jpeg, width: width, height: height, byteCount: bytes.count))
                #expect(info.contentType == "image/jpeg")
            }
        }
    }

    @Test("PNGs written by zlib (RGBA, palette) pass with their dimensions")
    func acceptsRealPNGs() throws {
        let cases: [([UInt8], Int, Int)] = [
            (ImageCheckFixtures.rgbaPNG3x2, 3, 2), (ImageCheckFixtures.palettePNG4x4, 4, 4),
        ]
        for (bytes, width, height) in cases {
            for variant in [ImageVariant.frontClean, .backClean] {
                let info = try ImageCheck.validate(bytes, expected: variant, maximumBytes: 10_000)
                #expect(info == ImageInfo(format: .png, width: width, height: height, byteCount: bytes.count))
                #expect(info.contentType == "image/png")
            }
        }
    }

    @Test("Bytes in a Data, a slice or exactly at the size limit are checked like an array")
    func acceptsOtherCollections() throws {
        let jpeg = ImageCheckFixtures.baselineJPEG3x2
        let fromData = try ImageCheck.validate(Data(jpeg), expected: .front, maximumBytes: jpeg.count)
        #expect(fromData.width == 3)
        let padded = [0x00] + ImageCheckFixtures.rgbaPNG3x2
        let fromSlice = try ImageCheck.validate(padded[1...], expected: .frontClean, maximumBytes: 100)
        #expect(fromSlice.height == 2)
    }

    @Test("Zero padding after the end marker is tolerated, as decoders ignore it")
    func toleratesZeroPadding() throws {
        let jpeg = ImageCheckFixtures.baselineJPEG3x2 + [UInt8](repeating: 0, count: 512)
        #expect(try ImageCheck.validate(jpeg, expected: .front, maximumBytes: 10_000).format == .jpeg)
        let png = ImageCheckFixtures.palettePNG4x4 + [0, 0, 0]
        #expect(try ImageCheck.validate(png, expected: .backClean, maximumBytes: 10_000).format == .png)
    }

    @Test("Ancillary chunks of any kind and an interlaced PNG are accepted")
    func acceptsAncillaryAndInterlaced() throws {
        var chunks = ImageCheckSurgery.chunks(ofPNG: ImageCheckFixtures.rgbaPNG3x2)
        chunks[0].data[12] = 1  // Adam7 interlace
        chunks.insert(("tEXt", Array("watermark\u{0}abc".utf8)), at: 1)
        chunks.insert(("prVt", [1, 2, 3]), at: 2)
        let info = try ImageCheck.validate(ImageCheckSurgery.png(chunks), expected: .frontClean, maximumBytes: 1000)
        #expect(info.width == 3 && info.height == 2)
    }
}
