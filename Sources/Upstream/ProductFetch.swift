import Core
import Foundation

/// One product as `GET /products/{barcode}` returned it.
public struct ProductFetch: Sendable {
    public var barcode: Barcode
    /// `updated_at` as sent (RFC 3339 text), if present.
    public var updatedAt: String?
    /// The whole `product_meta` object, unknown fields kept; `nil` when not asked for.
    public var productMeta: JSONValue?
    /// The whole `image_meta` object; `nil` when not asked for.
    public var imageMeta: JSONValue?
    /// Signed URLs of the variants returned (non-null only). Download them at once.
    public var imageURLs: [ImageVariant: SignedImageURL]
    /// What the pricing formula says this answer costs (blocks and URLs returned).
    public var expectedCost: Credits
    /// What upstream debited (`X-Credits-Debited`, else `meta.credits_debited`).
    public var creditsDebited: Credits?
    /// Upstream's request id, for support.
    public var requestID: String?
    /// `meta.response_generated` (else the `Date` header): the server's clock at the answer.
    public var serverTime: Date?

    public init(
        barcode: Barcode, updatedAt: String?, productMeta: JSONValue?, imageMeta: JSONValue?,
        imageURLs: [ImageVariant: SignedImageURL], expectedCost: Credits, creditsDebited: Credits?,
        requestID: String?, serverTime: Date?
    ) {
        self.barcode = barcode
        self.updatedAt = updatedAt
        self.productMeta = productMeta
        self.imageMeta = imageMeta
        self.imageURLs = imageURLs
        self.expectedCost = expectedCost
        self.creditsDebited = creditsDebited
        self.requestID = requestID
        self.serverTime = serverTime
    }

    /// The variants that came with a URL, in the API's order.
    public var variants: [ImageVariant] { imageURLs.keys.sorted() }
}
