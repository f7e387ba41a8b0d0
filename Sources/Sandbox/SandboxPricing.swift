import Core

/// The per-action credit rates the sandbox charges and `GET /pricing` publishes.
///
/// `products.get` is the per-scope rate: a product fetch costs
/// `per_scope_rate × metadata blocks returned + per_image_rate × non-null image URLs`.
struct SandboxPricing: Sendable {
    var perScope = Credits(thousandths: 300)
    var perImage = Credits(1)
    var head = Credits(thousandths: 50)
    var bulkCheckPerBarcode = Credits(thousandths: 10)
    var imageRedirect = Credits(1)

    /// The cost of a product fetch returning `metadataBlocks` of `product_meta`/`image_meta` and
    /// `imageURLs` signed URLs.
    func productGet(metadataBlocks: Int, imageURLs: Int) -> Credits {
        perScope * metadataBlocks + perImage * imageURLs
    }

    /// The body of `GET /pricing` without `meta`, in the contract's exact shape.
    var body: [(key: String, value: JSONValue)] {
        [
            ("pricing_model", "per_action"),
            (
                "formula",
                "credits = (per_scope_rate × metadata_scopes) + (per_image_rate × image_variants)"
            ),
            (
                "actions",
                [
                    "products.get": .credits(perScope), "products.get.per_image": .credits(perImage),
                    "products.head": .credits(head), "products.bulk_check.per_barcode": .credits(bulkCheckPerBarcode),
                    "products.image_redirect": .credits(imageRedirect), "products.list": 0, "balance": 0,
                    "account": 0, "usage": 0,
                ]
            ),
            (
                "descriptions",
                [
                    "products.get": "Per metadata scope returned (product_meta, image_meta): the per_scope_rate.",
                    "products.get.per_image": "Per non-null image URL returned: the per_image_rate.",
                    "products.head": "Existence check without a body.",
                    "products.bulk_check.per_barcode": "Per barcode sent to POST /products/bulk-check.",
                    "products.image_redirect": "One 302 to a fresh signed URL (one per_image_rate).",
                    "products.list": "Catalog listing; free, but counts against the rate limit.",
                    "balance": "Free.", "account": "Free.", "usage": "Free.",
                ]
            ),
            (
                "notes",
                [
                    "Omitting include= returns (and bills) both metadata scopes and every available variant.",
                    "The cheapest image fetch is include=images&variants=front.",
                    "A variant not available for the barcode returns null and costs nothing.",
                    "404 not_found costs nothing; 402 insufficient_credits charges nothing.",
                    "An idempotent replay (Idempotency-Replayed: 1) charges nothing.",
                ]
            ),
        ]
    }
}
