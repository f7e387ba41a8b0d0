/// What ``ImageCheck/validate(_:expected:maximumBytes:)`` found out about image bytes it accepted.
public struct ImageInfo: Sendable, Hashable, CustomStringConvertible {
    /// The container format of the bytes.
    public let format: Format
    /// Width in pixels, from the JPEG frame header or the PNG `IHDR`.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// The number of bytes checked.
    public let byteCount: Int

    /// The media type to serve the bytes with (`image/jpeg` or `image/png`).
    public var contentType: String { format.contentType }

    public var description: String { "\(format.name) \(width)×\(height), \(byteCount) bytes" }

    /// Creates the description of checked image bytes.
    public init(format: Format, width: Int, height: Int, byteCount: Int) {
        self.format = format
        self.width = width
        self.height = height
        self.byteCount = byteCount
    }
}
