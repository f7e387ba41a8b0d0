import Core

extension Pricing {
    /// Reads the `actions` map of a `GET /pricing` body. Keys that are missing keep the contract's
    /// default and are listed in `missing`; `nil` when the body has no `actions` object at all.
    public static func parse(_ body: JSONValue) -> (pricing: Pricing, missing: [String])? {
        guard let actions = body["actions"], actions.objectValue != nil else { return nil }
        var missing: [String] = []
        func rate(_ key: String, _ fallback: Credits) -> Credits {
            if let value = actions[key]?.creditsValue, value >= .zero { return value }
            missing.append(key)
            return fallback
        }
        let defaults = Pricing.contractDefaults
        let pricing = Pricing(
            perScope: rate("products.get", defaults.perScope),
            perImage: rate("products.get.per_image", defaults.perImage),
            head: rate("products.head", defaults.head),
            bulkCheckPerBarcode: rate("products.bulk_check.per_barcode", defaults.bulkCheckPerBarcode),
            imageRedirect: rate("products.image_redirect", defaults.imageRedirect),
            listing: rate("products.list", defaults.listing),
            source: .server)
        return (pricing, missing)
    }
}
