import Core

/// Real image files for the emulated Retail Digitals CDN, generated without any image library.
///
/// `front`/`back` are baseline JFIF JPEGs, `front_clean`/`back_clean` RGBA PNGs with a transparent
/// background; all are ``side``×``side`` pixels. The picture is a product box whose colours, emblem
/// and words come from a hash of the barcode; each `version` turns the colours and swaps the emblem
/// (and prints "V<n>" on a corner flash). Every image carries the client's watermark
/// (``watermarkTag(clientID:)`` in a JPEG `COM` / PNG `tEXt` "watermark" field, and an invisible
/// pixel pattern), so the same (barcode, variant, version, client) always gives identical bytes and
/// two clients always get different bytes for one image.
public enum SandboxImages {
    /// Width and height of every generated image.
    public static let side = 480
    /// The JPEG quality (IJG scale) of `front`/`back`.
    static let jpegQuality = 85

    /// The bytes of one image of one product, watermarked for `clientID`.
    public static func render(barcode: String, variant: ImageVariant, version: Int, clientID: String) -> [UInt8] {
        let watermark = ClientWatermark(clientID: clientID)
        var canvas = artwork(barcode: barcode, variant: variant, version: version)
        switch variant {
        case .front, .back:
            watermark.apply(to: &canvas, strength: 2)
            let encoder = JPEGEncoder(quality: jpegQuality)
            return encoder.encode(canvas, comment: "watermark=" + watermark.tag)
        case .frontClean, .backClean:
            watermark.apply(to: &canvas, strength: 1)
            return PNGEncoder.encode(canvas, text: [("watermark", watermark.tag)])
        }
    }

    /// The picture of one variant before any watermark (the same for every client).
    static func artwork(barcode: String, variant: ImageVariant, version: Int) -> ImageCanvas {
        ProductArt(style: ProductStyle(barcode: barcode, version: version), side: side).draw(variant)
    }

    /// The opaque tag the images delivered to `clientID` carry in their metadata
    /// (`rdwm1:` and 32 hex digits of an HMAC-SHA256 of the client id).
    public static func watermarkTag(clientID: String) -> String {
        ClientWatermark(clientID: clientID).tag
    }
}
