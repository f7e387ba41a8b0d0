import Core
import Foundation
import Logging

extension RetailDigitalsClient {
    /// Fetches one product, always sending `include=` and `variants=` (the configuration's unless
    /// given). Store-internal barcodes never go upstream (``UpstreamError/notFound`` at once).
    ///
    /// - Parameters:
    ///   - available: the variants the product has, when the listing or bulk-check said so; makes
    ///     the cost estimate (checked against the daily cap) exact instead of an upper bound.
    ///   - deadline: at most this long, retries included (default and ceiling: the call deadline).
    public func product(
        _ barcode: Barcode, purpose: RequestPurpose, include: [IncludeScope]? = nil, variants: [ImageVariant]? = nil,
        available: [ImageVariant]? = nil, deadline: Duration? = nil
    ) async throws(UpstreamError) -> ProductFetch {
        if barcode.isInStore { throw .notFound }
        let include = Array(Set(include ?? configuration.include)).sorted()
        let variants = Array(Set(variants ?? configuration.variants)).sorted()
        guard !include.isEmpty else { throw .badRequest("a product fetch needs at least one include scope") }
        if include.contains(.images), variants.isEmpty {
            throw .badRequest("a product fetch with images needs at least one variant")
        }
        let pricing = credits.pricing
        var query = "include=" + include.map(\.rawValue).joined(separator: ",")
        if !variants.isEmpty { query += "&variants=" + variants.map(\.rawValue).joined(separator: ",") }
        let spec = CallSpec(
            endpoint: .productGet, path: "/products/\(barcode.digits)?\(query)",
            expectedCost: pricing.productCost(include: include, variants: variants, available: available),
            maxBytes: configuration.maxJSONBytes)
        let origin = AnswerJSON.origin(of: configuration.baseURL)
        let fetch = try await call(spec, purpose: purpose, deadline: self.deadline(deadline)) {
            (raw, facts) throws(DecodeFailure) in
            try ProductFetch.decode(raw.body, requested: barcode, facts: facts, pricing: pricing, origin: origin)
        }
        if let debited = fetch.creditsDebited, debited != fetch.expectedCost {
            logger.warning(
                "upstream debited a different amount than the pricing formula gives",
                metadata: [
                    "barcode": "\(barcode)", "expected": "\(fetch.expectedCost)", "debited": "\(debited)",
                    "request_id": "\(fetch.requestID ?? "-")",
                ])
        }
        return fetch
    }
}
