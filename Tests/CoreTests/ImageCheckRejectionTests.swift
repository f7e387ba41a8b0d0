import Core
import Testing

@Suite("Image check: rejecting what is not a whole, valid image")
struct ImageCheckRejectionTests {
    typealias Surgery = ImageCheckSurgery

    @Test("Empty input is rejected as an empty download")
    func empty() {
        #expect(Surgery.failure([], .front) == .empty)
        #expect(ImageCheckError.empty.description == "the download is empty (0 bytes): no image was delivered")
    }

    @Test("Input over the size limit is rejected, whatever it holds")
    func oversize() {
        let jpeg = ImageCheckFixtures.baselineJPEG3x2
        #expect(
            Surgery.failure(jpeg, .front, maximumBytes: jpeg.count - 1)
                == .tooLarge(byteCount: jpeg.count, maximumBytes: jpeg.count - 1))
        #expect(
            Surgery.failure(Array("<html>".utf8), .front, maximumBytes: 3) == .tooLarge(byteCount: 6, maximumBytes: 3))
    }

    @Test("A JPEG where a PNG belongs, and a PNG where a JPEG belongs, are the wrong type")
    func wrongType() {
        let jpeg = ImageCheckFixtures.baselineJPEG3x2
        let png = ImageCheckFixtures.rgbaPNG3x2
        #expect(Surgery.failure(jpeg, .frontClean) == .wrongFormat(expected: .png, found: .jpeg, variant: .frontClean))
        #expect(Surgery.failure(png, .back) == .wrongFormat(expected: .jpeg, found: .png, variant: .back))
        #expect(
            ImageCheckError.wrongFormat(expected: .png, found: .jpeg, variant: .backClean).description
                == "the back_clean image must be a PNG but the download is a JPEG")
    }

    @Test("Error pages, JSON, text and other image formats are named and never quoted")
    func notImages() {
        let cases: [(String, ImageCheck.Content)] = [
            ("\u{FEFF}\n  <!DOCTYPE html><html><body>403 token=sig_SECRET</body></html>", .html),
            ("<HTML><HEAD><TITLE>Gateway Timeout sig_SECRET</TITLE>", .html),
            ("<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Key>sig_SECRET</Key></Error>", .xml),
            ("{\"error\":{\"code\":\"signed_url_consumed\",\"token\":\"sig_SECRET\"}}", .json),
            ("upstream connect error sig_SECRET", .text),
            ("GIF89a\u{01}\u{00}\u{01}\u{00}", .gif),
            ("RIFF\u{10}\u{00}\u{00}\u{00}WEBPVP8 ", .webp),
        ]
        for (body, content) in cases {
            let error = Surgery.failure(Array(body.utf8), .front)
            #expect(error == .notAnImage(content), "\(content)")
            #expect(error?.description.contains("SECRET") == false)
        }
        #expect(Surgery.failure([0x00, 0x01, 0x02, 0x9F, 0x10], .frontClean) == .notAnImage(.unknown))
        #expect(
            ImageCheckError.notAnImage(.html).description
                == "the download is an HTML page, not an image: probably an error page from the CDN, a proxy or a captive portal"
        )
    }

    @Test("Every cut of a JPEG, baseline or progressive, is reported as cut short")
    func truncatedJPEGs() {
        for jpeg in [ImageCheckFixtures.baselineJPEG3x2, ImageCheckFixtures.progressiveJPEG17x9] {
            for cut in 1..<jpeg.count {
                let error = Surgery.failure(Array(jpeg[..<cut]), .front)
                #expect(error == .truncated(.jpeg), "cut at \(cut) of \(jpeg.count): \(String(describing: error))")
            }
        }
        #expect(
            ImageCheckError.truncated(.jpeg).description
                == "the JPEG image ends before its end marker: the download was cut short")
    }

    @Test("Every cut of a PNG is reported as cut short")
    func truncatedPNGs() {
        for png in [ImageCheckFixtures.rgbaPNG3x2, ImageCheckFixtures.palettePNG4x4] {
            for cut in 1..<png.count {
                let error = Surgery.failure(Array(png[..<cut]), .frontClean)
                #expect(error == .truncated(.png), "cut at \(cut) of \(png.count): \(String(describing: error))")
            }
        }
    }

    @Test("A changed byte in any PNG chunk's type, data or CRC fails that chunk's CRC-32")
    func flippedPNGBytes() {
        let png = ImageCheckFixtures.palettePNG4x4
        var chunkStart = 8
        while chunkStart < png.count {
            let length = Int(png[chunkStart + 2]) << 8 | Int(png[chunkStart + 3])
            for offset in (chunkStart + 4)..<(chunkStart + 12 + length) {
                var damaged = png
                damaged[offset] ^= 0x20  // keeps a type letter a letter, so only the CRC can tell
                #expect(
                    Surgery.failure(damaged, .frontClean)
                        == .checksumMismatch(chunk: chunkType(damaged, chunkStart), offset: chunkStart))
            }
            for offset in chunkStart..<(chunkStart + 4) {
                var damaged = png
                damaged[offset] ^= 0x01
                #expect(Surgery.failure(damaged, .frontClean) != nil, "length byte \(offset)")
            }
            chunkStart += 12 + length
        }
    }

    @Test("PNG chunk order and header fields are enforced")
    func pngStructure() {
        let chunks = ImageCheckSurgery.chunks(ofPNG: ImageCheckFixtures.rgbaPNG3x2)
        let header = chunks[0]
        let data = chunks.first { $0.type == "IDAT" }!
        let end = chunks.last!
        func check(_ list: [(type: String, data: [UInt8])]) -> ImageCheckError? {
            Surgery.failure(Surgery.png(list), .frontClean)
        }
        #expect(check([header, end]) == .malformed(.png, reason: "it has no image data (IDAT)"))
        #expect(check([data, header, end]) == .malformed(.png, reason: "the first chunk is IDAT, not IHDR"))
        let half = data.data.count / 2
        let split = [
            header, ("IDAT", Array(data.data[..<half])), ("tEXt", [0x61, 0]), ("IDAT", Array(data.data[half...])), end,
        ]
        #expect(check(split) == .malformed(.png, reason: "its image data (IDAT) is split by other chunks"))
        let joined = [header, ("IDAT", Array(data.data[..<half])), ("IDAT", Array(data.data[half...])), end]
        #expect(check(joined) == nil)
        #expect(check([header, data, ("IEND", [0])]) == .malformed(.png, reason: "the end chunk (IEND) is not empty"))
        #expect(
            check([header, ("ABCD", [1]), data, end])
                == .unsupported(.png, reason: "it has a critical chunk (ABCD) no decoder knows"))
        #expect(check([header, ("IDAT", [0x12, 0x34] + data.data.dropFirst(2)), end]) != nil)
        #expect(check([header, data, end, ("tEXt", [0x61, 0])]) == .trailingData(.png, byteCount: 14))
        var zeroWidth = header
        zeroWidth.data[0...3] = [0, 0, 0, 0]
        #expect(check([zeroWidth, data, end]) == .badDimensions(.png, width: 0, height: 2))
        var huge = header
        huge.data[0...7] = [0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20]
        #expect(check([huge, data, end]) == .badDimensions(.png, width: 20_000, height: 20_000))
        var badDepth = header
        badDepth.data[8] = 3
        #expect(
            check([badDepth, data, end])
                == .malformed(.png, reason: "its header gives a bit depth of 3 for colour type 6"))
        let palette = ImageCheckSurgery.chunks(ofPNG: ImageCheckFixtures.palettePNG4x4)
        #expect(
            check(palette.filter { $0.type != "PLTE" })
                == .malformed(.png, reason: "it has palette colours but no palette (PLTE) before the image data"))
    }

    @Test("JPEG frames with impossible sizes or codings browsers cannot show are refused")
    func jpegFrames() throws {
        let jpeg = ImageCheckFixtures.baselineJPEG3x2
        let frame = try #require(Surgery.segmentOffset(ofJPEG: jpeg, marker: 0xC0))
        var zeroHeight = jpeg
        zeroHeight[frame + 5...frame + 6] = [0, 0]
        #expect(Surgery.failure(zeroHeight, .front) == .badDimensions(.jpeg, width: 3, height: 0))
        var arithmetic = jpeg
        arithmetic[frame + 1] = 0xC9
        #expect(Surgery.failure(arithmetic, .front) == .unsupported(.jpeg, reason: "it uses arithmetic coding"))
        var lossless = jpeg
        lossless[frame + 1] = 0xC3
        #expect(
            Surgery.failure(lossless, .front) == .unsupported(.jpeg, reason: "it uses lossless or hierarchical coding"))
        #expect(
            Surgery.failure(Surgery.removingSegments(0xC0, fromJPEG: jpeg), .front)
                == .malformed(.jpeg, reason: "image data starts before the frame header"))
        #expect(
            Surgery.failure(Surgery.removingSegments(0xDB, fromJPEG: jpeg), .front)
                == .malformed(.jpeg, reason: "image data starts before any quantization table"))
        var secondStart = jpeg
        secondStart.insert(contentsOf: [0xFF, 0xD8], at: frame)
        #expect(
            Surgery.failure(secondStart, .front)
                == .malformed(.jpeg, reason: "a second start-of-image marker follows at byte \(frame)"))
        #expect(
            Surgery.failure([0xFF, 0xD8, 0xFF, 0xD9], .front)
                == .malformed(.jpeg, reason: "the end marker comes before any image data"))
    }

    @Test("Anything but zero padding after a JPEG's end marker is rejected")
    func jpegTrailer() {
        let jpeg = ImageCheckFixtures.greyJPEG2x5
        #expect(Surgery.failure(jpeg + Array("<html>".utf8), .back) == .trailingData(.jpeg, byteCount: 6))
        #expect(Surgery.failure(jpeg + jpeg, .back) == .trailingData(.jpeg, byteCount: jpeg.count))
        #expect(
            ImageCheckError.trailingData(.jpeg, byteCount: 6).description
                == "6 unexpected bytes follow the JPEG end marker: the download holds more than one image")
    }

    private func chunkType(_ bytes: [UInt8], _ start: Int) -> String {
        String(decoding: bytes[(start + 4)..<(start + 8)], as: UTF8.self)
    }
}
