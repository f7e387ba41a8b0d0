import Core
import Foundation

extension RetailDigitalsClient {
    /// `GET /products/{barcode}/image?variant=`: a fresh signed URL bound to this machine (costs one
    /// image-redirect rate). The redirect is read, not followed.
    func freshImageURL(
        barcode: Barcode, variant: ImageVariant, purpose: RequestPurpose, deadline: ContinuousClock.Instant
    ) async throws(UpstreamError) -> FreshImage {
        let expected = credits.pricing.imageRedirect
        let spec = CallSpec(
            endpoint: .imageRedirect, path: "/products/\(barcode.digits)/image?variant=\(variant.rawValue)",
            expectedCost: expected, maxBytes: configuration.maxImageBytes, acceptsRedirect: true)
        let origin = AnswerJSON.origin(of: configuration.baseURL)
        return try await call(spec, purpose: purpose, deadline: deadline) { (raw, facts) throws(DecodeFailure) in
            let debited = facts.creditsDebited ?? .zero
            if raw.followedRedirect { return FreshImage(answer: .delivered(raw), debited: debited) }
            guard raw.status == 302 || raw.status == 301 || raw.status == 303 || raw.status == 307,
                let location = raw.header("Location"), let url = AnswerJSON.resolve(location, origin: origin)
            else { throw .contract("the image redirect gave no usable Location") }
            return FreshImage(answer: .url(SignedImageURL(url: url)), debited: debited)
        }
    }
}
