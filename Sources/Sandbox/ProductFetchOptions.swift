import Core
import Foundation

/// The `include` and `variants` parameters of `GET /products/{barcode}`, validated.
struct ProductFetchOptions: Sendable, Hashable {
    /// The scopes asked for (all three when `include` is omitted).
    var include: Set<IncludeScope>
    /// The variants asked for; `nil` when omitted (every available variant).
    var variants: Set<ImageVariant>?

    init(include: String?, variants: String?) throws(SandboxAPIError) {
        if let include {
            self.include = try Self.parseList(include, name: "include", as: IncludeScope.self)
        } else {
            self.include = Set(IncludeScope.allCases)
        }
        if let variants {
            self.variants = try Self.parseList(variants, name: "variants", as: ImageVariant.self)
        } else {
            self.variants = nil
        }
    }

    /// The number of billed metadata blocks (`product_meta`, `image_meta`) asked for.
    var metadataBlocks: Int { include.filter(\.isBilledMetadata).count }

    /// Parses a comma list of known values; an unknown or empty value is `400 bad_request`.
    static func parseList<Value: RawRepresentable & CaseIterable & Hashable>(
        _ text: String, name: String, as: Value.Type
    ) throws(SandboxAPIError) -> Set<Value> where Value.RawValue == String {
        let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
        var values: Set<Value> = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            guard let value = Value(rawValue: trimmed) else {
                throw .badRequest("Unknown \(name) value '\(trimmed)'; use a comma list of: \(known).")
            }
            values.insert(value)
        }
        return values
    }
}
