import Core

/// The well-formed answer bodies the fuzz corpus mutates, and the fields (paths) it aims at.
enum HostileBodies {
    static let meta: JSONValue = [
        "request_id": "req_1", "credits_debited": 1.3, "credits_remaining": 497.4,
        "response_generated": "2026-07-02T16:30:00Z",
    ]

    static let pricing: JSONValue = [
        "pricing_model": "per_action",
        "actions": [
            "products.get": 0.3, "products.get.per_image": 1.0, "products.head": 0.05,
            "products.bulk_check.per_barcode": 0.01, "products.image_redirect": 1.0, "products.list": 0,
        ],
    ]
    static let pricingFields = [
        "products.get", "products.get.per_image", "products.head", "products.bulk_check.per_barcode",
        "products.image_redirect", "products.list",
    ].map { ["actions", $0] }

    static let token: JSONValue = [
        "access_token": "at", "refresh_token": "rt_1", "token_type": "Bearer", "expires_in": 3600,
    ]
    static let tokenFields = [["expires_in"], ["expires_in"], ["token_type"], ["access_token"]]

    static let product: JSONValue = [
        "barcode": "017000161563", "updated_at": "2026-06-04T15:49:50Z",
        "product_meta": ["brand": "B", "nutrition": ["calories": 100]],
        "images": ["front": "https://h/api/v1/image/t", "back": nil, "front_clean": nil, "back_clean": nil],
        "meta": meta,
    ]
    static let productFields = [
        ["meta", "credits_debited"], ["meta", "credits_debited"], ["meta", "credits_remaining"],
        ["meta", "response_generated"], ["updated_at"], ["product_meta", "nutrition", "calories"], ["images", "front"],
    ]

    static let listing: JSONValue = [
        "data": [["barcode": "017000161563", "updated_at": "2026-06-04T15:49:50Z", "variants": ["front"]]],
        "pagination": ["page": 1, "per_page": 500, "total": 1, "total_pages": 1],
        "meta": meta,
    ]
    static let listingFields = [
        ["pagination", "page"], ["pagination", "per_page"], ["pagination", "total"], ["pagination", "total_pages"],
        ["data", "0", "updated_at"], ["meta", "response_generated"], ["pagination"],
    ]

    static let bulkCheck: JSONValue = [
        "results": [["barcode": "017000161563", "exists": true, "variants": ["front"], "updated_at": nil]],
        "meta": meta,
    ]
    static let bulkCheckFields = [
        ["meta", "credits_debited"], ["meta", "credits_debited"], ["results", "0", "exists"],
        ["results", "0", "updated_at"],
    ]

    static let balance: JSONValue = [
        "client_id": "rd_client_sandbox", "credit_balance": 497.4, "tier": "t", "meta": meta,
    ]
    static let balanceFields = [["credit_balance"], ["credit_balance"], ["meta", "credits_remaining"]]

    static let errorBody: JSONValue = ["error": ["code": "rate_limited", "message": "m", "request_id": "req_1"]]
    static let errorFields = [["error", "code"], ["error", "request_id"], ["error"]]

    /// `template` with one to three of `fields` set to hostile values (or left out); now and then
    /// the whole body is replaced by a hostile scalar, or cut short.
    static func mutate(_ template: JSONValue, fields: [[String]], _ random: inout SeededRandom) -> [UInt8] {
        if random.percent(3) { return Array((HostileValues.json(&random) ?? .null).jsonText.utf8) }
        var body = template
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            body = body.replacing(random.pick(fields)[...], with: HostileValues.json(&random))
        }
        let bytes = body.jsonBytes
        return random.percent(3) ? Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random))) : bytes
    }
}
