import Core
import Sandbox
import Testing

@Suite("Sandbox images: damaged downloads fail the image check")
struct ImagesRejectionTests {
    /// Cut points: every byte of the headers, spread points through the data, every byte of the end.
    private func cutPoints(_ count: Int) -> [Int] {
        Array(1..<700) + Array(stride(from: 700, to: count - 600, by: 1_013)) + Array((count - 600)..<count)
    }

    private func failure(_ bytes: [UInt8], _ variant: ImageVariant, maximumBytes: Int = 200_000) -> ImageCheckError? {
        do {
            _ = try ImageCheck.validate(bytes, expected: variant, maximumBytes: maximumBytes)
            return nil
        } catch {
            return error
        }
    }

    @Test("A rendered JPEG cut anywhere is reported as cut short")
    func truncatedJPEG() {
        let jpeg = SandboxImages.render(barcode: "017000161563", variant: .back, version: 2, clientID: "c")
        for cut in cutPoints(jpeg.count) {
            #expect(failure(Array(jpeg[..<cut]), .back) == .truncated(.jpeg), "cut at \(cut)")
        }
    }

    @Test("A rendered PNG cut anywhere is reported as cut short")
    func truncatedPNG() {
        let png = SandboxImages.render(barcode: "017000161563", variant: .frontClean, version: 2, clientID: "c")
        for cut in cutPoints(png.count) {
            #expect(failure(Array(png[..<cut]), .frontClean) == .truncated(.png), "cut at \(cut)")
        }
    }

    @Test("A changed byte in the type, data or CRC of any chunk of a rendered PNG fails its CRC-32")
    func flippedPNGBytes() {
        let png = SandboxImages.render(barcode: "96385074", variant: .backClean, version: 1, clientID: "c")
        var start = 8
        var checked = 0
        while start < png.count {
            let length = png[start..<(start + 4)].reduce(0) { $0 << 8 | Int($1) }
            let end = start + 12 + length
            let offsets = Set([start + 4, start + 7, start + 8, start + 8 + length / 2, end - 5, end - 4, end - 1])
            for offset in offsets.sorted() where offset < end {
                var damaged = png
                damaged[offset] ^= 0x20
                let type = String(decoding: damaged[(start + 4)..<(start + 8)], as: UTF8.self)
                #expect(failure(damaged, .backClean) == .checksumMismatch(chunk: type, offset: start), "byte \(offset)")
                checked += 1
            }
            start = end
        }
        #expect(checked > 20)
    }

    @Test("A rendered image offered for a variant of the other format is the wrong type")
    func wrongVariant() {
        let jpeg = SandboxImages.render(barcode: "4006381333931", variant: .front, version: 1, clientID: "c")
        let png = SandboxImages.render(barcode: "4006381333931", variant: .frontClean, version: 1, clientID: "c")
        #expect(failure(jpeg, .frontClean) == .wrongFormat(expected: .png, found: .jpeg, variant: .frontClean))
        #expect(failure(png, .back) == .wrongFormat(expected: .jpeg, found: .png, variant: .back))
    }

    @Test("A limit below a rendered image's size refuses it; one at its size accepts it")
    func sizeLimit() {
        let png = SandboxImages.render(barcode: "10012345678902", variant: .backClean, version: 1, clientID: "c")
        #expect(
            failure(png, .backClean, maximumBytes: png.count - 1)
                == .tooLarge(byteCount: png.count, maximumBytes: png.count - 1))
        #expect(failure(png, .backClean, maximumBytes: png.count) == nil)
    }

    @Test("An HTML error page or an empty body where an image should be is refused")
    func errorPagesAndEmptyBodies() {
        let page = Array("<html><body><h1>410 Gone</h1>signed_url_consumed</body></html>".utf8)
        #expect(failure(page, .front) == .notAnImage(.html))
        #expect(failure([], .backClean) == .empty)
    }
}
