import Core
import Testing

@testable import Sandbox

@Suite("Sandbox images: the JPEG and PNG encoders")
struct ImagesCodecTests {
    typealias Support = ImagesTestSupport

    @Test("Adler-32 gives the published values, also past the 5,552-byte reduction interval")
    func adler32KnownAnswers() {
        #expect(Adler32.checksum([]) == 1)
        #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Adler32.checksum(Array("abc".utf8)) == 0x024D_0127)
        let long = [UInt8](repeating: 0xFF, count: 100_000)
        #expect(Adler32.checksum(long) == ImagesInflater.adler32(long))
        var pieces = Adler32()
        pieces.update(Array(long[..<7_000]))
        pieces.update(Array(long[7_000...]))
        #expect(pieces.value == Adler32.checksum(long))
    }

    @Test("The zlib stream inflates back to its input: runs, text, noise, beyond the 32 KiB window")
    func deflateRoundTrip() throws {
        var random = ImageRandom(seed: 42)
        let noise = (0..<5_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let text = Array(String(repeating: "NUTRITION FACTS serving size 1 cup (28g) ", count: 200).utf8)
        let inputs: [[UInt8]] = [
            [], [7], [1, 2], [UInt8](repeating: 0, count: 70_000), text, noise, noise + text + noise + noise,
            (0..<100_000).map { UInt8($0 % 251) },
        ]
        for input in inputs {
            let stream = ZlibDeflater.compress(input)
            #expect(try ImagesInflater.inflate(zlib: stream) == input, "\(input.count) bytes")
        }
        #expect(ZlibDeflater.compress([UInt8](repeating: 0, count: 70_000)).count < 1_000)
    }

    @Test("A PNG decodes back to exactly the drawn pixels, transparency included")
    func pngIsLossless() throws {
        var canvas = ImageCanvas(width: 37, height: 21, background: .clear)
        canvas.fillEllipse(
            centerX: 15, centerY: 10, radiusX: 12, radiusY: 8, color: ImageColor(red: 200, green: 30, blue: 90))
        canvas.fillRect(
            x: 20, y: 3, width: 10, height: 15, color: ImageColor(red: 10, green: 220, blue: 40, alpha: 128))
        var random = ImageRandom(seed: 7)
        canvas.addGrain(amplitude: 5, random: &random)
        let decoded = try ImagesPNGReader(PNGEncoder.encode(canvas, text: [("k", "v")]))
        #expect(decoded.width == 37 && decoded.height == 21)
        #expect(decoded.pixels == canvas.pixels)
        #expect(decoded.text == ["k": "v"])
        #expect(Set(stride(from: 3, to: decoded.pixels.count, by: 4).map { decoded.pixels[$0] }).count > 2)
    }

    @Test("A rendered clean variant decodes to the watermarked artwork, in CRC-checked chunks of at most 32 KiB")
    func renderedPNGStructure() throws {
        let bytes = SandboxImages.render(barcode: "017000161563", variant: .backClean, version: 1, clientID: "c")
        let decoded = try ImagesPNGReader(bytes)
        #expect(decoded.chunkTypes.first == "IHDR" && decoded.chunkTypes.last == "IEND")
        #expect(decoded.imageDataSizes.count > 1 && decoded.imageDataSizes.allSatisfy { $0 <= 32_768 })
        let expected = Support.watermarkedCanvas(
            barcode: "017000161563", variant: .backClean, version: 1, clientID: "c")
        #expect(decoded.pixels == expected.pixels)
        let alphas = stride(from: 3, to: decoded.pixels.count, by: 4).map { decoded.pixels[$0] }
        #expect(alphas.filter { $0 == 0 }.count > alphas.count / 4)  // a transparent background
        #expect(alphas.filter { $0 == 255 }.count > alphas.count / 4)  // an opaque product
    }

    @Test("A JPEG of an odd-sized picture decodes close to the drawing, padding handled")
    func jpegDecodesCloseToTheDrawing() throws {
        var canvas = ImageCanvas(width: 70, height: 45, background: ImageColor(red: 230, green: 225, blue: 215))
        canvas.fillGradient(
            x: 0, y: 20, width: 70, height: 25, top: ImageColor(grey: 200),
            bottom: ImageColor(red: 40, green: 60, blue: 160))
        canvas.fillEllipse(
            centerX: 30, centerY: 18, radiusX: 16, radiusY: 12, color: ImageColor(red: 210, green: 40, blue: 40))
        let bytes = JPEGEncoder(quality: 90).encode(canvas, comment: "hello")
        let decoded = try ImagesJPEGReader(bytes)
        #expect(decoded.width == 70 && decoded.height == 45 && decoded.comment == "hello")
        var total = 0.0
        for y in 0..<45 {
            for x in 0..<70 {
                let color = canvas.color(x: x, y: y)
                for (channel, value) in [color.red, color.green, color.blue].enumerated() {
                    total += abs(Double(decoded.rgb[(y * 70 + x) * 3 + channel]) - Double(value))
                }
            }
        }
        let meanError = total / Double(70 * 45 * 3)
        #expect(meanError < 4, "mean error \(meanError)")
        let info = try ImageCheck.validate(bytes, expected: .front, maximumBytes: 100_000)
        #expect(info.width == 70 && info.height == 45)
    }

    @Test("A rendered JPEG is baseline JFIF with the Annex K tables, stuffed scan data, and decodes to the artwork")
    func renderedJPEGStructure() throws {
        let bytes = SandboxImages.render(barcode: "4006381333931", variant: .front, version: 1, clientID: "c")
        let decoded = try ImagesJPEGReader(bytes)
        #expect(decoded.markers == [0xD8, 0xE0, 0xFE, 0xDB, 0xC0, 0xC4, 0xDA, 0xD9])
        #expect(decoded.jfif)
        #expect(decoded.width == 480 && decoded.height == 480)
        #expect(decoded.components.map { [$0.horizontal, $0.vertical] } == [[2, 2], [1, 1], [1, 1]])
        #expect(
            decoded.quantization[0]
                == JPEGTables.naturalOrder.map { JPEGTables.scaled(JPEGTables.luminanceQuantization, quality: 85)[$0] })
        #expect(decoded.quantization[0]?.prefix(3) == [5, 3, 4])  // 16, 11, 12 scaled to quality 85
        #expect(decoded.huffman[0x00]?.counts == [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(decoded.huffman[0x10]?.symbols.count == 162)
        #expect(decoded.huffman[0x11]?.counts.last == 0x77)
        #expect(decoded.stuffedBytes > 0)
        let scan = Support.scanData(ofJPEG: bytes)
        let unstuffed = zip(scan, scan.dropFirst()).filter { $0.0 == 0xFF && $0.1 != 0x00 }
        #expect(unstuffed.isEmpty)
        let artwork = Support.watermarkedCanvas(barcode: "4006381333931", variant: .front, version: 1, clientID: "c")
        let shifts = Support.blockShifts(decodedRGB: decoded.rgb, reference: artwork).compactMap { $0 }
        let meanError = shifts.reduce(0) { $0 + abs($1) } / Double(shifts.count)
        #expect(meanError < 1.5, "mean block error \(meanError)")
    }

    @Test("The barcode symbol on the back has UPC/EAN guard bars and seven modules per digit")
    func barModules() {
        let upc = ProductArt.barModules(for: "017000161563")
        #expect(upc.count == 95)
        #expect(Array(upc.prefix(3)) == [true, false, true] && Array(upc.suffix(3)) == [true, false, true])
        #expect(Array(upc[45..<50]) == [false, true, false, true, false])
        #expect(Array(upc[3..<10]) == [false, false, false, true, true, false, true])  // "0" in the left half
        #expect(ProductArt.barModules(for: "96385074").count == 67)
    }
}
