import Core

extension Pricing {
    /// Reads the `actions` map of a `GET /pricing` body. Rates that are absent (or `null`) keep the
    /// contract's default and are listed in `missing`.
    ///
    /// - Throws: a contract ``DecodeFailure`` when there is no `actions` object, or a rate is not a
    ///   number or lies outside `0…10^12` credits (`1e19`, `-1`, `"0.3"`), naming the rate.
    static func parse(_ body: JSONValue) throws(DecodeFailure) -> (pricing: Pricing, missing: [String]) {
        let actions = try AnswerJSON.decode(Answer.self, body, what: "pricing").actions
        var missing: [String] = []
        func rate(
            _ value: Credits?, _ key: Answer.Actions.CodingKeys, _ fallback: Credits
        ) throws(DecodeFailure) -> Credits {
            guard let value else {
                missing.append(key.rawValue)
                return fallback
            }
            return try AnswerNumber.check(
                value, "actions.\(key.rawValue)", in: Credits.plausibleAmounts, what: "pricing")
        }
        let defaults = Pricing.contractDefaults
        let pricing = Pricing(
            perScope: try rate(actions.perScope, .perScope, defaults.perScope),
            perImage: try rate(actions.perImage, .perImage, defaults.perImage),
            head: try rate(actions.head, .head, defaults.head),
            bulkCheckPerBarcode: try rate(
                actions.bulkCheckPerBarcode, .bulkCheckPerBarcode, defaults.bulkCheckPerBarcode),
            imageRedirect: try rate(actions.imageRedirect, .imageRedirect, defaults.imageRedirect),
            listing: try rate(actions.listing, .listing, defaults.listing), source: .server)
        return (pricing, missing)
    }

    /// The body of `GET /pricing`: `{"pricing_model", "actions": {"products.get": 1, …}}`.
    private struct Answer: Decodable {
        var actions: Actions

        /// The rates, each `nil` when absent or `null`.
        struct Actions: Decodable {
            var perScope: Credits?
            var perImage: Credits?
            var head: Credits?
            var bulkCheckPerBarcode: Credits?
            var imageRedirect: Credits?
            var listing: Credits?

            enum CodingKeys: String, CodingKey {
                case perScope = "products.get", perImage = "products.get.per_image", head = "products.head"
                case bulkCheckPerBarcode = "products.bulk_check.per_barcode"
                case imageRedirect = "products.image_redirect", listing = "products.list"
            }
        }
    }
}
