extension ImageInfo {
    /// The two image containers Retail Digitals delivers.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// JPEG (JFIF/Exif), delivered for `front` and `back`.
        case jpeg
        /// PNG, delivered for `front_clean` and `back_clean` (transparent background).
        case png

        /// The format a variant is delivered in.
        public init(_ variant: ImageVariant) {
            switch variant {
            case .front, .back: self = .jpeg
            case .frontClean, .backClean: self = .png
            }
        }

        /// The media type of this format.
        public var contentType: String {
            switch self {
            case .jpeg: return "image/jpeg"
            case .png: return "image/png"
            }
        }

        /// The name people know the format by ("JPEG", "PNG").
        public var name: String { rawValue.uppercased() }
    }
}
