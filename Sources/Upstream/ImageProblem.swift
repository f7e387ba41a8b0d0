import Core

/// Why downloaded image bytes were refused.
public enum ImageProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// `Content-Length` is over the configured cap: refused before reading the body.
    case tooLarge(bytes: Int, limit: Int)
    /// The response's `Content-Type` is not the variant's (`image/jpeg` or `image/png`).
    case wrongContentType(found: String, expected: String)
    /// The bytes failed Core's ``ImageCheck`` (not an image, wrong format, cut short, damaged, …).
    case invalid(ImageCheckError)

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit):
            return "the image is \(bytes) bytes, over the \(limit)-byte limit (upstream.max_image_bytes)"
        case .wrongContentType(let found, let expected):
            return "the image came as '\(found)' instead of \(expected)"
        case .invalid(let error):
            return error.description
        }
    }

    /// Checks a delivered image: the `Content-Type` header (parameters ignored), then the bytes with
    /// ``ImageCheck/validate(_:expected:maximumBytes:)``. Pure.
    static func check(
        _ bytes: [UInt8], contentType: String?, variant: ImageVariant, maximumBytes: Int
    )
        throws(ImageProblem) -> ImageInfo
    {
        if let contentType {
            let mediaType = contentType.split(separator: ";").first.map { String($0).lowercased() } ?? ""
            if mediaType.trimmingSpaces != variant.contentType {
                throw .wrongContentType(found: String(contentType.prefix(60)), expected: variant.contentType)
            }
        }
        do { return try ImageCheck.validate(bytes, expected: variant, maximumBytes: maximumBytes) } catch {
            if case .tooLarge(let count, let limit) = error { throw .tooLarge(bytes: count, limit: limit) }
            throw .invalid(error)
        }
    }
}
