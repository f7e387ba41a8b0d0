// Stand-in until `Sources/Sandbox/Images/SandboxImages.swift` lands (the lead deletes this file at
// merge): minimal but well-formed-looking bytes with the right magic numbers, different per client
// and per version, deterministic.

import Core

/// Renders the image bytes one client receives for one image version.
public enum SandboxImages {
    /// JPEG (`FF D8 … FF D9`) for `front`/`back`, PNG (signature + chunks) for the `*_clean` variants,
    /// carrying a per-client watermark; the same inputs always give the same bytes.
    public static func render(barcode: String, variant: ImageVariant, version: Int, clientID: String) -> [UInt8] {
        let mark = Array("rd-sandbox \(barcode) \(variant.rawValue) v\(version) client=\(clientID)".utf8)
        var noise = SandboxRandom(seed: fnv1a(mark))
        let filler = (0..<2048).map { _ in UInt8(truncatingIfNeeded: noise.next()) & 0x7F }
        switch variant {
        case .front, .back:
            let length = UInt16(mark.count + 2)
            return [0xFF, 0xD8, 0xFF, 0xFE, UInt8(length >> 8), UInt8(length & 0xFF)] + mark + filler + [0xFF, 0xD9]
        case .frontClean, .backClean:
            let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            return signature + chunk("tEXt", Array("Comment".utf8) + [0] + mark) + chunk("zTXt", filler)
                + chunk("IEND", [])
        }
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let count = UInt32(data.count)
        let length = [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: count >> $0) }
        return length + Array(type.utf8) + data + [0, 0, 0, 0]
    }

    private static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
