import Core

extension Pricing {
    /// Reads the `actions` map of a `GET /pricing` body. Rates that are absent (or `null`) keep the
    /// contract's default and are listed in `missing`.
    ///
    /// - Throws: a contract ``DecodeFailure`` when there is no `actions` object, or a rate is not a
    ///   number or lies outside `0…10^12` credits (`1e19`, `-1`, `"0.3"`), naming the rate.
    static func parse(_ body: JSONValue) throws(DecodeFailure) -> (pricing: Pricing, missing: [String]) {
        guard let actions = body["actions"], actions.objectValue != nil else {
            throw .contract("the pricing answer has no `actions`")
        }
        var missing: [String] = []
        func rate(_ key: String, _ fallback: Credits) throws(DecodeFailure) -> Credits {
            let field = "actions.\(key)"
            guard
                let value = try AnswerNumber.optionalCredits(
                    actions[key], field, in: Credits.plausibleAmounts, what: "pricing")
            else {
                missing.append(key)
                return fallback
            }
            return value
        }
        let defaults = Pricing.contractDefaults
        let pricing = Pricing(
            perScope: try rate("products.get", defaults.perScope),
            perImage: try rate("products.get.per_image", defaults.perImage),
            head: try rate("products.head", defaults.head),
            bulkCheckPerBarcode: try rate("products.bulk_check.per_barcode", defaults.bulkCheckPerBarcode),
            imageRedirect: try rate("products.image_redirect", defaults.imageRedirect),
            listing: try rate("products.list", defaults.listing),
            source: .server)
        return (pricing, missing)
    }
}
