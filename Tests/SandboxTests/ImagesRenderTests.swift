import Core
import Testing

@testable import Sandbox

@Suite("Sandbox images: what render produces")
struct ImagesRenderTests {
    typealias Support = ImagesTestSupport

    @Test("Every variant of several products, clients and versions passes the image check at 480×480")
    func everyVariantPassesTheCheck() throws {
        let cases = [
            (Support.barcodes[0], 1, "rd_client_a"), (Support.barcodes[1], 2, "rd_client_b"),
            (Support.barcodes[2], 1, "store-047"), (Support.barcodes[3], 7, "rd_client_a"),
        ]
        for (barcode, version, client) in cases {
            for variant in ImageVariant.allCases {
                let bytes = SandboxImages.render(barcode: barcode, variant: variant, version: version, clientID: client)
                let info = try ImageCheck.validate(bytes, expected: variant, maximumBytes: 150_000)
                #expect(info.width == SandboxImages.side && info.height == SandboxImages.side)
                #expect(info.contentType == variant.contentType)
                #expect((20_000...150_000).contains(bytes.count), "\(barcode) \(variant): \(bytes.count) bytes")
            }
        }
    }

    @Test("Odd inputs (extreme versions, a non-numeric barcode, an empty client id) still give valid images")
    func oddInputs() throws {
        let cases: [(String, ImageVariant, Int, String)] = [
            ("", .front, Int.min, ""), ("not-a-barcode/../x", .backClean, Int.max, "c"), ("017000161563", .back, 0, ""),
        ]
        for (barcode, variant, version, client) in cases {
            let bytes = SandboxImages.render(barcode: barcode, variant: variant, version: version, clientID: client)
            #expect(try ImageCheck.validate(bytes, expected: variant, maximumBytes: 150_000).width == 480)
        }
    }

    @Test("The same barcode, variant, version and client always give identical bytes")
    func deterministic() {
        for variant in [ImageVariant.front, .backClean] {
            let first = SandboxImages.render(barcode: "017000161563", variant: variant, version: 3, clientID: "c1")
            let second = SandboxImages.render(barcode: "017000161563", variant: variant, version: 3, clientID: "c1")
            #expect(first == second)
        }
    }

    @Test("Two clients get different bytes for one image, down to the JPEG scan data, yet the same picture")
    func perClientJPEG() throws {
        let a = SandboxImages.render(barcode: "4006381333931", variant: .front, version: 1, clientID: "rd_client_a")
        let b = SandboxImages.render(barcode: "4006381333931", variant: .front, version: 1, clientID: "rd_client_b")
        #expect(a != b)
        #expect(Support.scanData(ofJPEG: a) != Support.scanData(ofJPEG: b))
        let pixelsA = try ImagesJPEGReader(a).rgb
        let pixelsB = try ImagesJPEGReader(b).rgb
        let meanDifference =
            zip(pixelsA, pixelsB).reduce(0.0) { $0 + abs(Double($1.0) - Double($1.1)) } / Double(pixelsA.count)
        #expect(meanDifference > 0.5 && meanDifference < 4, "mean difference \(meanDifference)")
    }

    @Test("Two clients' PNGs differ only by an invisible mark of at most one level per channel")
    func perClientPNG() throws {
        let a = try ImagesPNGReader(
            SandboxImages.render(barcode: "96385074", variant: .frontClean, version: 2, clientID: "x1"))
        let b = try ImagesPNGReader(
            SandboxImages.render(barcode: "96385074", variant: .frontClean, version: 2, clientID: "x2"))
        let differences = zip(a.pixels, b.pixels).map { abs(Int($0) - Int($1)) }
        #expect(differences.max() == 2)  // +1 for one client, −1 for the other
        #expect(differences.filter { $0 > 0 }.count > 10_000)
        let alphaChanged = stride(from: 3, to: a.pixels.count, by: 4).contains { a.pixels[$0] != b.pixels[$0] }
        #expect(!alphaChanged)
    }

    @Test("The mark in a leaked JPEG points to the client it was delivered to, not to another")
    func watermarkTracesTheClient() throws {
        let barcode = "017000161563"
        let bytes = SandboxImages.render(barcode: barcode, variant: .back, version: 1, clientID: "store-047")
        let decoded = try ImagesJPEGReader(bytes).rgb
        let reference = SandboxImages.artwork(barcode: barcode, variant: .back, version: 1)
        let shifts = Support.blockShifts(decodedRGB: decoded, reference: reference)
        func agreement(_ client: String) -> Double {
            let signs = ClientWatermark(clientID: client).blockSigns(count: shifts.count)
            let usable = zip(shifts, signs).compactMap { shift, sign in shift.map { ($0, sign) } }
            return Double(usable.filter { ($0.0 > 0) == ($0.1 > 0) }.count) / Double(usable.count)
        }
        #expect(agreement("store-047") > 0.9)
        #expect(agreement("store-048") < 0.65)
    }

    @Test("A new version changes the picture visibly, for the same client")
    func versionsDiffer() throws {
        let one = try ImagesPNGReader(
            SandboxImages.render(barcode: "10012345678902", variant: .frontClean, version: 1, clientID: "c"))
        let two = try ImagesPNGReader(
            SandboxImages.render(barcode: "10012345678902", variant: .frontClean, version: 2, clientID: "c"))
        let changed = stride(from: 0, to: one.pixels.count, by: 4).filter { offset in
            (0..<3).contains { abs(Int(one.pixels[offset + $0]) - Int(two.pixels[offset + $0])) > 40 }
        }
        #expect(changed.count > one.pixels.count / 4 / 10, "\(changed.count) pixels changed a lot")
        let jpegOne = SandboxImages.render(barcode: "10012345678902", variant: .back, version: 1, clientID: "c")
        let jpegTwo = SandboxImages.render(barcode: "10012345678902", variant: .back, version: 2, clientID: "c")
        #expect(jpegOne != jpegTwo)
    }

    @Test("Barcodes and variants get their own pictures")
    func barcodesAndVariantsDiffer() {
        let images = Support.barcodes.prefix(2).flatMap { barcode in
            [ImageVariant.front, .back].map {
                SandboxImages.render(barcode: barcode, variant: $0, version: 1, clientID: "c")
            }
        }
        #expect(Set(images).count == images.count)
    }

    @Test("The metadata carries an opaque per-client tag and never the client id")
    func metadataTag() throws {
        let client = "rd_client_store_0047"
        let tag = SandboxImages.watermarkTag(clientID: client)
        #expect(tag.hasPrefix("rdwm1:") && tag.count == 38)
        #expect(tag.dropFirst(6).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(tag != SandboxImages.watermarkTag(clientID: "rd_client_store_0048"))
        let jpeg = SandboxImages.render(barcode: "017000161563", variant: .front, version: 1, clientID: client)
        #expect(try ImagesJPEGReader(jpeg).comment == "watermark=" + tag)
        let png = SandboxImages.render(barcode: "017000161563", variant: .backClean, version: 1, clientID: client)
        #expect(try ImagesPNGReader(png).text == ["watermark": tag])
        for bytes in [jpeg, png] {
            #expect(!contains(bytes, Array(client.utf8)))
            #expect(!contains(bytes, Array("store_0047".utf8)))
        }
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
