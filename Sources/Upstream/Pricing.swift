import Core

/// Retail Digitals' per-action rates (`GET /pricing`), and the cost formula built on them:
///
///     products.get cost = perScope × (product_meta and image_meta blocks returned)
///                       + perImage × (non-null image URLs returned)
///
/// Only variants the product has cost anything; `images` itself is free.
public struct Pricing: Sendable, Hashable {
    /// Where the rates came from.
    public enum Source: String, Sendable, Hashable {
        /// Read from `GET /pricing`.
        case server
        /// The contract's published defaults, used when `/pricing` could not be read.
        case contractDefaults = "contract_defaults"
    }

    /// `products.get`: one metadata block (`product_meta` or `image_meta`).
    public var perScope: Credits
    /// `products.get.per_image`: one image URL.
    public var perImage: Credits
    /// `products.head`.
    public var head: Credits
    /// `products.bulk_check.per_barcode`.
    public var bulkCheckPerBarcode: Credits
    /// `products.image_redirect`: one fresh signed URL.
    public var imageRedirect: Credits
    /// `products.list` (free in the contract).
    public var listing: Credits
    /// Where these rates came from.
    public var source: Source

    public init(
        perScope: Credits, perImage: Credits, head: Credits, bulkCheckPerBarcode: Credits,
        imageRedirect: Credits, listing: Credits = .zero, source: Source = .server
    ) {
        self.perScope = perScope
        self.perImage = perImage
        self.head = head
        self.bulkCheckPerBarcode = bulkCheckPerBarcode
        self.imageRedirect = imageRedirect
        self.listing = listing
        self.source = source
    }

    /// The contract's rates: 0.3 per scope, 1.0 per image, 0.05 per HEAD, 0.01 per bulk-checked
    /// barcode, 1.0 per image redirect, listing free.
    public static let contractDefaults = Pricing(
        perScope: Credits(thousandths: 300), perImage: Credits(1), head: Credits(thousandths: 50),
        bulkCheckPerBarcode: Credits(thousandths: 10), imageRedirect: Credits(1), listing: .zero,
        source: .contractDefaults)

    /// The cost of a product fetch by the formula.
    ///
    /// - Parameters:
    ///   - include: the scopes asked for; each of `product_meta` / `image_meta` costs ``perScope``.
    ///   - variants: the variants asked for; they cost only with `images` included.
    ///   - available: the variants the product has, when known (listing, bulk-check); `nil` assumes
    ///     every requested variant exists, which makes the result an upper bound.
    public func productCost(include: [IncludeScope], variants: [ImageVariant], available: [ImageVariant]?) -> Credits {
        let scopes = Set(include)
        let billedScopes = scopes.filter(\.isBilledMetadata).count
        var images = 0
        if scopes.contains(.images) {
            var wanted = Set(variants)
            if let available { wanted.formIntersection(available) }
            images = wanted.count
        }
        return perScope * billedScopes + perImage * images
    }

    /// The cost of the answer actually received: metadata blocks present and image URLs returned.
    public func productCost(metadataBlocks: Int, imageURLs: Int) -> Credits {
        perScope * metadataBlocks + perImage * imageURLs
    }
}
