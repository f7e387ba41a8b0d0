import Core
import Crypto
import Foundation

/// Real image files for the emulated Retail Digitals CDN, cut from stock pictures.
///
/// `front`/`back` are baseline JFIF JPEGs, `front_clean`/`back_clean` PNGs on transparency, all
/// ``side``×``side``: a few pictures per variant made once with real encoders by
/// `scripts/make-sandbox-images` (``ImageFixtures``). Which picture a product shows comes from a hash
/// of its barcode, and each new `version` moves to the next picture. Every delivered file carries one
/// comment (a JPEG `COM` segment, a PNG `tEXt` chunk) that names the client's opaque watermark tag
/// (``watermarkTag(clientID:)``), the version and the image, padded with spaces to a size spread
/// like real photos' (``byteSizes``). So the same (barcode, variant, version, client) always gives
/// identical bytes, two clients always get different bytes for one image, and so do two versions.
public enum SandboxImages {
    /// Width and height of every image.
    public static let side = ImageFixtures.side
    /// The sizes delivered files are padded to, picked per (barcode, variant, version) from a hash:
    /// about what 1000×1000 product photos weigh, so downloads, stores and caps see real sizes.
    public static let byteSizes = 20_000...150_000

    /// The bytes of one image of one product, watermarked for `clientID`.
    public static func render(barcode: String, variant: ImageVariant, version: Int, clientID: String) -> [UInt8] {
        let pictures = stock[variant]!
        let start = hash("sandbox-product:\(barcode)")
        let index = Int((start &+ UInt64(truncatingIfNeeded: version)) % UInt64(pictures.count))
        let id = hex(SHA256.hash(data: Array("sandbox-image:\(barcode)/\(variant.rawValue)".utf8)).prefix(8))
        let comment = Array("watermark=\(watermarkTag(clientID: clientID)) version=\(version) image=\(id)".utf8)
        let span = UInt64(byteSizes.count)
        let target = byteSizes.lowerBound + Int(hash("sandbox-size:\(barcode)/\(variant.rawValue)/\(version)") % span)
        switch variant {
        case .front, .back: return ImageSplice.jpeg(pictures[index], comment: comment, paddedTo: target)
        case .frontClean, .backClean: return ImageSplice.png(pictures[index], comment: comment, paddedTo: target)
        }
    }

    /// The opaque tag the images delivered to `clientID` carry in their comment (`rdwm1:` and 32 hex
    /// digits of an HMAC-SHA256 of the client id): the client id itself never appears in the bytes.
    public static func watermarkTag(clientID: String) -> String {
        "rdwm1:" + hex(HMAC<SHA256>.authenticationCode(for: Array(clientID.utf8), using: watermarkKey).prefix(16))
    }

    /// The HMAC key of the watermark (a fixed, public value: the sandbox protects nothing).
    private static let watermarkKey = SymmetricKey(data: Array("retail-digitals-sandbox-watermark-v1".utf8))

    /// The stock pictures per variant, decoded once.
    static let stock: [ImageVariant: [[UInt8]]] = [
        .front: decode(ImageFixtures.front), .back: decode(ImageFixtures.back),
        .frontClean: decode(ImageFixtures.frontClean), .backClean: decode(ImageFixtures.backClean),
    ]

    private static func decode(_ texts: [String]) -> [[UInt8]] {
        texts.map { Array(Data(base64Encoded: $0)!) }
    }

    /// The first 8 bytes of the SHA-256 of `text`, as a number: stable across runs and machines.
    private static func hash(_ text: String) -> UInt64 {
        SHA256.hash(data: Array(text.utf8)).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String($0 >> 4, radix: 16) + String($0 & 0xF, radix: 16) }.joined()
    }
}
