/// Why downloaded bytes are not an image the daemon may store, in plain words for the operator's log.
///
/// Descriptions never quote the bytes themselves: an error page could echo a signed URL or a token.
public enum ImageCheckError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Zero bytes arrived.
    case empty
    /// More bytes than the caller allows for one image.
    case tooLarge(byteCount: Int, maximumBytes: Int)
    /// The bytes are no JPEG or PNG at all (an error page, JSON, another image format…).
    case notAnImage(ImageCheck.Content)
    /// A JPEG arrived where the variant calls for a PNG, or the other way round.
    case wrongFormat(expected: ImageInfo.Format, found: ImageInfo.Format, variant: ImageVariant)
    /// The bytes end before the image's end marker (JPEG `EOI`, PNG `IEND`).
    case truncated(ImageInfo.Format)
    /// A PNG chunk's CRC-32 does not match its contents.
    case checksumMismatch(chunk: String, offset: Int)
    /// The image header gives a width or height that is zero or beyond ``ImageCheck/maximumDimension``
    /// (or more than ``ImageCheck/maximumPixels`` in all).
    case badDimensions(ImageInfo.Format, width: Int, height: Int)
    /// The structure is broken; `reason` says where, in words fixed by the checker.
    case malformed(ImageInfo.Format, reason: String)
    /// A valid image in a coding that browsers and POS screens cannot show.
    case unsupported(ImageInfo.Format, reason: String)
    /// Bytes other than zero padding follow the end marker.
    case trailingData(ImageInfo.Format, byteCount: Int)

    public var description: String {
        switch self {
        case .empty:
            return "the download is empty (0 bytes): no image was delivered"
        case .tooLarge(let byteCount, let maximumBytes):
            return "the image is \(byteCount) bytes, more than the \(maximumBytes) bytes allowed for one image"
        case .notAnImage(let content):
            return "the download is \(content.phrase), not an image\(content.hint)"
        case .wrongFormat(let expected, let found, let variant):
            return "the \(variant.rawValue) image must be a \(expected.name) but the download is a \(found.name)"
        case .truncated(let format):
            return "the \(format.name) image ends before its end marker: the download was cut short"
        case .checksumMismatch(let chunk, let offset):
            return "the PNG chunk \(chunk) at byte \(offset) fails its CRC-32 check: "
                + "the bytes were damaged on the way"
        case .badDimensions(let format, let width, let height):
            return "the \(format.name) image says it is \(width)×\(height) pixels; each side must be 1 to "
                + "\(ImageCheck.maximumDimension) pixels and the whole at most \(ImageCheck.maximumPixels) pixels"
        case .malformed(let format, let reason):
            return "the \(format.name) image is malformed: \(reason)"
        case .unsupported(let format, let reason):
            return "the \(format.name) image cannot be shown on a POS screen: \(reason)"
        case .trailingData(let format, let byteCount):
            return "\(byteCount) unexpected bytes follow the \(format.name) end marker: "
                + "the download holds more than one image"
        }
    }
}
