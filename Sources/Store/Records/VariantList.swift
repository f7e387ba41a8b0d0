import Core

/// The text form of a list of variants in the database: `front,front_clean` in API order.
enum VariantList {
    /// `nil` stays `NULL`; an empty list is the empty string (upstream has no image at all).
    static func encode(_ variants: [ImageVariant]?) -> String? {
        normalize(variants)?.map(\.rawValue).joined(separator: ",")
    }

    /// Without duplicates, in API order.
    static func normalize(_ variants: [ImageVariant]?) -> [ImageVariant]? {
        variants.map { Set($0).sorted() }
    }

    /// Reads what ``encode(_:)`` wrote; unknown names (from a newer schema) are skipped.
    static func decode(_ text: String?) -> [ImageVariant]? {
        guard let text else { return nil }
        return text.split(separator: ",").compactMap { ImageVariant(rawValue: String($0)) }
    }
}
