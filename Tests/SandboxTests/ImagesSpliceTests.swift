import Core
import Testing

@testable import Sandbox

@Suite("Sandbox images: splicing the comment into a finished file")
struct ImagesSpliceTests {
    static let comment = Array("watermark=rdwm1:0123 version=2 image=ab".utf8)
    /// Targets below the unpadded size, round one and several segment boundaries, and far beyond.
    static let targets = [0, 9_000, 20_000, 65_537 + 9_000, 131_074, 131_075, 131_077, 131_078, 150_000, 300_000]

    @Test("A JPEG reaches its target size exactly in COM segments after APP0, each within the 64 KiB limit")
    func jpegPadding() throws {
        for picture in SandboxImages.stock[.front]! + SandboxImages.stock[.back]! {
            let unpadded = picture.count + Self.comment.count + 4
            for target in Self.targets {
                let bytes = ImageSplice.jpeg(picture, comment: Self.comment, paddedTo: target)
                #expect(bytes.count == max(target, unpadded), "target \(target)")
                let structure = try ImagesStructure(bytes)
                #expect(structure.picture == picture)
                #expect(structure.parts.prefix(3) == ["D8", "E0", "FE"])
                #expect(structure.commentParts == max(1, (target - picture.count + 65_536) / 65_537))
                #expect(structure.comment.utf8.starts(with: Self.comment))
                #expect(structure.comment.utf8.dropFirst(Self.comment.count).allSatisfy { $0 == 0x20 })
                #expect(try ImageCheck.validate(bytes, expected: .front, maximumBytes: 1 << 20).width == 320)
            }
        }
    }

    @Test("A PNG reaches its target size exactly in one tEXt chunk after IHDR, its CRC-32 right")
    func pngPadding() throws {
        for picture in SandboxImages.stock[.frontClean]! + SandboxImages.stock[.backClean]! {
            let unpadded = picture.count + Self.comment.count + 20
            for target in Self.targets {
                let bytes = ImageSplice.png(picture, comment: Self.comment, paddedTo: target)
                #expect(bytes.count == max(target, unpadded), "target \(target)")
                let structure = try ImagesStructure(bytes)  // checks every chunk's CRC-32
                #expect(structure.picture == picture)
                #expect(structure.parts.prefix(2) == ["IHDR", "tEXt"] && structure.commentParts == 1)
                #expect(structure.comment.utf8.starts(with: Self.comment))
                #expect(structure.comment.utf8.dropFirst(Self.comment.count).allSatisfy { $0 == 0x20 })
                #expect(try ImageCheck.validate(bytes, expected: .frontClean, maximumBytes: 1 << 20).width == 320)
            }
        }
    }

    @Test("The structure reader refuses a wrong chunk CRC, a cut JPEG and a segment longer than the file")
    func structureReaderCanFail() {
        let png = ImageSplice.png(SandboxImages.stock[.backClean]![0], comment: Self.comment, paddedTo: 0)
        var damaged = png
        damaged[40] ^= 0x01  // inside the tEXt chunk
        #expect(throws: ImagesStructure.Broken.self) { try ImagesStructure(damaged) }
        let jpeg = ImageSplice.jpeg(SandboxImages.stock[.front]![0], comment: Self.comment, paddedTo: 0)
        #expect(throws: ImagesStructure.Broken.self) { try ImagesStructure(Array(jpeg.dropLast())) }
        var long = jpeg
        long[22] = 0xFF  // the COM segment's length (after SOI and an 18-byte APP0)
        #expect(throws: ImagesStructure.Broken.self) { try ImagesStructure(Array(long.prefix(30_000)) + [0xFF, 0xD9]) }
    }
}
