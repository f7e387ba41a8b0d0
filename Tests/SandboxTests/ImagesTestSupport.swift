import Core

@testable import Sandbox

/// Shared inputs and small helpers of the sandbox image tests.
enum ImagesTestSupport {
    /// One barcode of each canonical length: UPC-A, EAN-13, EAN-8, GTIN-14.
    static let barcodes = ["017000161563", "4006381333931", "96385074", "10012345678902"]

    /// The entropy-coded bytes of a JPEG's (only) scan: from after the SOS segment to `EOI`.
    static func scanData(ofJPEG bytes: [UInt8]) -> ArraySlice<UInt8> {
        var index = 2
        while bytes[index + 1] != 0xDA {
            index += 2 + (Int(bytes[index + 2]) << 8 | Int(bytes[index + 3]))
        }
        index += 2 + (Int(bytes[index + 2]) << 8 | Int(bytes[index + 3]))
        return bytes[index..<(bytes.count - 2)]
    }

    /// The artwork of one variant with `clientID`'s watermark applied, as `render` encodes it.
    static func watermarkedCanvas(barcode: String, variant: ImageVariant, version: Int, clientID: String) -> ImageCanvas
    {
        var canvas = SandboxImages.artwork(barcode: barcode, variant: variant, version: version)
        let strength = variant.contentType == "image/png" ? 1 : 2
        ClientWatermark(clientID: clientID).apply(to: &canvas, strength: strength)
        return canvas
    }

    /// Per 8×8 block, the mean of (decoded luma − reference luma), or `nil` for blocks whose reference
    /// touches 0 or 255 (where a shift may be clipped away).
    static func blockShifts(decodedRGB: [UInt8], reference: ImageCanvas) -> [Double?] {
        let blocksAcross = (reference.width + 7) / 8
        let blocksDown = (reference.height + 7) / 8
        var shifts: [Double?] = []
        for blockY in 0..<blocksDown {
            for blockX in 0..<blocksAcross {
                var sum = 0.0
                var count = 0
                var clipped = false
                for y in (blockY * 8)..<min(reference.height, blockY * 8 + 8) {
                    for x in (blockX * 8)..<min(reference.width, blockX * 8 + 8) {
                        let color = reference.color(x: x, y: y)
                        let channels = [color.red, color.green, color.blue]
                        if channels.contains(where: { $0 < 4 || $0 > 251 }) { clipped = true }
                        let offset = (y * reference.width + x) * 3
                        for channel in 0..<3 { sum += Double(decodedRGB[offset + channel]) - Double(channels[channel]) }
                        count += 3
                    }
                }
                shifts.append(clipped ? nil : sum / Double(count))
            }
        }
        return shifts
    }
}
