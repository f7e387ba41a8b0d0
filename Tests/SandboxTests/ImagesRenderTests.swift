import Core
import Foundation
import Testing

@testable import Sandbox

@Suite("Sandbox images: what render produces")
struct ImagesRenderTests {
    /// One barcode of each canonical length: UPC-A, EAN-13, EAN-8, GTIN-14.
    static let barcodes = ["017000161563", "4006381333931", "96385074", "10012345678902"]

    private func render(_ barcode: String, _ variant: ImageVariant, _ version: Int, _ client: String) -> [UInt8] {
        SandboxImages.render(barcode: barcode, variant: variant, version: version, clientID: client)
    }

    @Test("Every variant of several products, clients and versions passes the image check at 320×320, 20–150 kB")
    func everyVariantPassesTheCheck() throws {
        let cases = [
            (Self.barcodes[0], 1, "rd_client_a"), (Self.barcodes[1], 2, "rd_client_b"),
            (Self.barcodes[2], 1, "store-047"), (Self.barcodes[3], 7, "rd_client_a"),
        ]
        for (barcode, version, client) in cases {
            for variant in ImageVariant.allCases {
                let bytes = render(barcode, variant, version, client)
                let info = try ImageCheck.validate(bytes, expected: variant, maximumBytes: 150_000)
                #expect(info.width == SandboxImages.side && info.height == SandboxImages.side)
                #expect(info.contentType == variant.contentType)
                #expect(SandboxImages.byteSizes.contains(bytes.count), "\(barcode) \(variant): \(bytes.count) bytes")
                let structure = try ImagesStructure(bytes)
                #expect(SandboxImages.stock[variant]!.contains(structure.picture))
                #expect(structure.commentParts >= 1)
            }
        }
    }

    @Test("Odd inputs (extreme versions, a non-numeric barcode, an empty client id) still give valid images")
    func oddInputs() throws {
        let cases: [(String, ImageVariant, Int, String)] = [
            ("", .front, Int.min, ""), ("not-a-barcode/../x", .backClean, Int.max, "c"), ("017000161563", .back, 0, ""),
        ]
        for (barcode, variant, version, client) in cases {
            let bytes = render(barcode, variant, version, client)
            #expect(try ImageCheck.validate(bytes, expected: variant, maximumBytes: 150_000).width == 320)
            #expect(try ImagesStructure(bytes).comment.contains(" version=\(version) "))
        }
    }

    @Test("The same barcode, variant, version and client always give identical bytes")
    func deterministic() {
        for variant in ImageVariant.allCases {
            #expect(render("017000161563", variant, 3, "c1") == render("017000161563", variant, 3, "c1"))
        }
    }

    @Test("Two clients get different bytes for one image: the same picture and size, another watermark")
    func perClient() throws {
        for variant in ImageVariant.allCases {
            let a = render("4006381333931", variant, 1, "rd_client_a")
            let b = render("4006381333931", variant, 1, "rd_client_b")
            #expect(a != b)
            #expect(a.count == b.count)
            let (structureA, structureB) = (try ImagesStructure(a), try ImagesStructure(b))
            #expect(structureA.picture == structureB.picture)
            let tagA = SandboxImages.watermarkTag(clientID: "rd_client_a")
            let tagB = SandboxImages.watermarkTag(clientID: "rd_client_b")
            #expect(structureA.comment.hasPrefix("watermark=\(tagA) "))
            #expect(structureB.comment.hasPrefix("watermark=\(tagB) "))
            #expect(structureA.comment.replacingOccurrences(of: tagA, with: tagB) == structureB.comment)
        }
    }

    @Test("A new version gives new bytes for the same client, and the next picture")
    func versionsDiffer() throws {
        for variant in ImageVariant.allCases {
            let versions = (1...4).map { render("10012345678902", variant, $0, "c") }
            #expect(Set(versions).count == 4)
            let structures = try versions.map(ImagesStructure.init)
            for (version, structure) in zip(1..., structures) {
                #expect(structure.comment.contains(" version=\(version) "))
            }
            for (one, next) in zip(structures, structures.dropFirst()) { #expect(one.picture != next.picture) }
            #expect(structures[0].picture == structures[3].picture)  // three pictures, round and round
        }
    }

    @Test("Barcodes and variants get their own bytes; products spread over every picture and over 20–150 kB")
    func barcodesAndVariantsDiffer() throws {
        let images = Self.barcodes.flatMap { barcode in ImageVariant.allCases.map { render(barcode, $0, 1, "c") } }
        #expect(Set(images).count == images.count)
        let barcodes = (0..<60).map { String(4_006_381_333_000 + $0) }
        let fronts = barcodes.map { render($0, .front, 1, "c") }
        let pictures = Set(try fronts.map { try ImagesStructure($0).picture })
        #expect(pictures.count == SandboxImages.stock[.front]!.count)
        let sizes = fronts.map(\.count)
        #expect(sizes.min()! < 50_000 && sizes.max()! > 120_000, "sizes \(sizes.min()!)…\(sizes.max()!)")
    }

    @Test("The comment carries an opaque per-client tag, the version and the image, never the client id")
    func metadataTag() throws {
        let client = "rd_client_store_0047"
        let tag = SandboxImages.watermarkTag(clientID: client)
        #expect(tag.hasPrefix("rdwm1:") && tag.count == 38)
        #expect(tag.dropFirst(6).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(tag != SandboxImages.watermarkTag(clientID: "rd_client_store_0048"))
        for variant in [ImageVariant.front, .backClean] {
            let bytes = render("017000161563", variant, 1, client)
            let comment = try ImagesStructure(bytes).comment
            let words = comment.split(separator: " ")
            #expect(words.count == 3)
            #expect(words.first == "watermark=\(tag)" && words[1] == "version=1" && words[2].hasPrefix("image="))
            #expect(comment.dropFirst(comment.count - 100).allSatisfy { $0 == " " })
            #expect(!contains(bytes, Array(client.utf8)))
            #expect(!contains(bytes, Array("store_0047".utf8)))
        }
    }

    @Test("The stock pictures are three per variant, 320×320, a few kB, and carry no metadata of their own")
    func stock() throws {
        for variant in ImageVariant.allCases {
            let pictures = try #require(SandboxImages.stock[variant])
            #expect(pictures.count == 3 && Set(pictures).count == 3)
            for picture in pictures {
                let info = try ImageCheck.validate(picture, expected: variant, maximumBytes: 10_000)
                #expect(info.width == 320 && info.height == 320)
                let structure = try ImagesStructure(picture)
                #expect(structure.commentParts == 0 && structure.picture == picture)
                switch variant {
                case .front, .back:
                    // SOI, JFIF APP0, then only tables, a baseline frame and the scan: no APPn, no COM.
                    #expect(structure.parts.prefix(2) == ["D8", "E0"] && structure.parts.last == "DA")
                    #expect(Set(structure.parts.dropFirst(2)).isSubset(of: ["DB", "C0", "C4", "DA"]))
                case .frontClean, .backClean:
                    #expect(structure.parts.first == "IHDR" && structure.parts.last == "IEND")
                    #expect(Set(structure.parts).isSubset(of: ["IHDR", "PLTE", "tRNS", "IDAT", "IEND"]))
                }
            }
        }
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
