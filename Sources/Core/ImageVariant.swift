/// One of the four image variants Retail Digitals stores per product.
///
/// `front`/`back` are JPEG photos; `front_clean`/`back_clean` are PNGs with a transparent background.
public enum ImageVariant: String, CaseIterable, Hashable, Comparable, Sendable, Codable {
    case front
    case back
    case frontClean = "front_clean"
    case backClean = "back_clean"

    /// The media type the API delivers this variant in.
    public var contentType: String {
        switch self {
        case .front, .back: return "image/jpeg"
        case .frontClean, .backClean: return "image/png"
        }
    }

    /// The file name extension of the stored bytes.
    public var fileExtension: String {
        switch self {
        case .front, .back: return "jpg"
        case .frontClean, .backClean: return "png"
        }
    }

    /// The order the API lists variants in (`front`, `back`, `front_clean`, `back_clean`).
    public var ordinal: Int {
        switch self {
        case .front: return 0
        case .back: return 1
        case .frontClean: return 2
        case .backClean: return 3
        }
    }

    public static func < (lhs: ImageVariant, rhs: ImageVariant) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// A metadata scope of a product fetch (`include=`). Each of `product_meta` and `image_meta` costs one
/// per-scope rate; `images` itself costs nothing, only the image URLs it returns do.
public enum IncludeScope: String, CaseIterable, Hashable, Comparable, Sendable, Codable {
    case productMeta = "product_meta"
    case imageMeta = "image_meta"
    case images

    /// Whether this scope is a billed metadata block.
    public var isBilledMetadata: Bool { self != .images }

    private var ordinal: Int {
        switch self {
        case .productMeta: return 0
        case .imageMeta: return 1
        case .images: return 2
        }
    }

    public static func < (lhs: IncludeScope, rhs: IncludeScope) -> Bool { lhs.ordinal < rhs.ordinal }
}
