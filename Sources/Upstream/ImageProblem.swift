/// Why downloaded image bytes were refused.
public enum ImageProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// Larger than the configured cap (`bytes` may come from `Content-Length` before any was read).
    case tooLarge(bytes: Int, limit: Int)
    /// The response's `Content-Type` is not the variant's (`image/jpeg` or `image/png`).
    case wrongContentType(found: String, expected: String)
    /// The bytes do not start like a JPEG or PNG of the expected kind.
    case notAnImage(expected: String)
    /// The bytes start like an image but its structure is broken or cut short.
    case malformed(String)
    /// No bytes at all.
    case empty

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit):
            return "the image is \(bytes) bytes, over the \(limit)-byte limit (upstream.max_image_bytes)"
        case .wrongContentType(let found, let expected):
            return "the image came as '\(found)' instead of \(expected)"
        case .notAnImage(let expected):
            return "the downloaded bytes are not a \(expected) image"
        case .malformed(let reason):
            return "the image is damaged: \(reason)"
        case .empty:
            return "the image download was empty"
        }
    }
}
