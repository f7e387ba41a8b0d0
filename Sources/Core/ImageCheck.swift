/// The check the daemon runs on downloaded image bytes before it stores them: pure, no I/O.
///
/// It walks the container structure without decoding pixels:
/// - JPEG: `SOI` first; every marker segment up to each `SOS` by its length; exactly one frame
///   header (`SOF0` baseline, `SOF1` extended or `SOF2` progressive) with sane dimensions and a
///   quantization table before the first scan; entropy-coded data (byte stuffing and restart
///   markers allowed) until `EOI`.
/// - PNG: the signature; `IHDR` first with valid fields; every chunk's CRC-32; `IDAT` chunks
///   consecutive, starting with a valid zlib header; `PLTE` where the colour type needs it;
///   `IEND` last.
///
/// After the end marker (`EOI`/`IEND`) only zero bytes are tolerated (some servers and disks pad
/// files with zeros; decoders ignore them); any other trailing byte is an error.
public enum ImageCheck {
    /// The largest width or height accepted (what browsers and POS screens decode safely).
    public static let maximumDimension = 16_384
    /// The largest pixel count accepted (a decoded RGBA image of this size is 160 MB).
    public static let maximumPixels = 40_000_000

    /// Checks that `bytes` is a complete, well-formed image of the format `expected` is delivered in,
    /// and at most `maximumBytes` long; returns its format, dimensions and content type.
    public static func validate(
        _ bytes: some Collection<UInt8>, expected: ImageVariant, maximumBytes: Int
    ) throws(ImageCheckError) -> ImageInfo {
        let count = bytes.count
        if count == 0 { throw .empty }
        if count > maximumBytes { throw .tooLarge(byteCount: count, maximumBytes: maximumBytes) }
        let buffer = bytes as? [UInt8] ?? Array(bytes)
        let content = Content(sniffing: buffer)
        let found: ImageInfo.Format
        switch content {
        case .jpeg: found = .jpeg
        case .png: found = .png
        default: throw .notAnImage(content)
        }
        let wanted = ImageInfo.Format(expected)
        guard found == wanted else { throw .wrongFormat(expected: wanted, found: found, variant: expected) }
        let size: (width: Int, height: Int)
        switch found {
        case .jpeg:
            var walker = JPEGWalker(bytes: buffer)
            size = try walker.walk()
        case .png:
            var walker = PNGWalker(bytes: buffer)
            size = try walker.walk()
        }
        return ImageInfo(format: found, width: size.width, height: size.height, byteCount: count)
    }

    /// Whether `width`×`height` are sane image dimensions.
    static func saneDimensions(width: Int, height: Int) -> Bool {
        (1...maximumDimension).contains(width) && (1...maximumDimension).contains(height)
            && width * height <= maximumPixels
    }

    /// Checks that everything from `offset` to the end is zero padding.
    static func checkTrailer(_ bytes: [UInt8], from offset: Int, format: ImageInfo.Format) throws(ImageCheckError) {
        guard offset < bytes.count else { return }
        if bytes[offset...].contains(where: { $0 != 0 }) {
            throw .trailingData(format, byteCount: bytes.count - offset)
        }
    }
}
