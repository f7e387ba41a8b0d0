import Core
import Foundation

extension SandboxState {
    /// `GET /products/{barcode}`: the blocks `include` asks for, signed URLs for the requested
    /// available variants, charged by the formula.
    mutating func productGet(_ request: SandboxAPIRequest, now: Date, fault: Fault?) -> SandboxAPIResponse {
        authenticated(request, now: now, fault: fault) { state, caller throws(SandboxAPIError) in
            let options = try ProductFetchOptions(
                include: request.query["include"], variants: request.query["variants"])
            let product = try state.product(for: request.pathParameter, clientID: caller.clientID)
            var wanted: [ImageVariant] = []
            if options.include.contains(.images) {
                wanted = product.variants.filter { options.variants?.contains($0) ?? true }
            }
            let cost = state.pricing.productGet(metadataBlocks: options.metadataBlocks, imageURLs: wanted.count)
            try state.ensureAffordable(cost, clientID: caller.clientID)
            var body: [(key: String, value: JSONValue)] = [
                ("barcode", .string(product.barcode)), ("updated_at", .string(product.updatedAtText)),
            ]
            if options.include.contains(.productMeta) { body.append(("product_meta", product.productMeta)) }
            if options.include.contains(.imageMeta) {
                body.append(
                    ("image_meta", .object(ImageVariant.allCases.map { ($0.rawValue, product.imageMeta[$0] ?? .null) }))
                )
            }
            if options.include.contains(.images) {
                var urls: [(key: String, value: JSONValue)] = []
                for variant in ImageVariant.allCases {
                    guard wanted.contains(variant) else {
                        urls.append((variant.rawValue, .null))
                        continue
                    }
                    let url = state.signedURL(product, variant, caller.clientID, request, now: now)
                    urls.append((variant.rawValue, .string(url)))
                }
                body.append(("images", .object(urls)))
            }
            return SandboxHandled(body: body, debited: cost)
        }
    }

    /// `HEAD /products/{barcode}`: 200 or 404 without a body; 0.05 credits when it exists.
    mutating func productHead(_ request: SandboxAPIRequest, now: Date, fault: Fault?) -> SandboxAPIResponse {
        authenticated(request, now: now, fault: fault) { state, caller throws(SandboxAPIError) in
            _ = try state.product(for: request.pathParameter, clientID: caller.clientID)
            try state.ensureAffordable(state.pricing.head, clientID: caller.clientID)
            return SandboxHandled(body: nil, debited: state.pricing.head)
        }
    }

    /// `GET /products/{barcode}/image?variant=`: 302 to a fresh signed URL bound to the caller's IP.
    mutating func imageRedirect(_ request: SandboxAPIRequest, now: Date, fault: Fault?) -> SandboxAPIResponse {
        authenticated(request, now: now, fault: fault) { state, caller throws(SandboxAPIError) in
            let name = request.query["variant"] ?? ImageVariant.front.rawValue
            guard let variant = ImageVariant(rawValue: name) else {
                throw .badRequest("Unknown variant '\(name)'; use front, back, front_clean or back_clean.")
            }
            let product = try state.product(for: request.pathParameter, clientID: caller.clientID)
            guard product.has(variant) else {
                throw .notFound("Barcode \(product.barcode) has no \(variant.rawValue) image.")
            }
            let cost = state.pricing.imageRedirect
            try state.ensureAffordable(cost, clientID: caller.clientID)
            let url = state.signedURL(product, variant, caller.clientID, request, now: now)
            return SandboxHandled(
                status: 302,
                body: [("location", .string(url)), ("expires_in", .number(String(SandboxSignedURLs.lifetime)))],
                debited: cost, location: url)
        }
    }

    /// `POST /products/bulk-check`: existence, variants and `updated_at` of up to 500 barcodes.
    mutating func bulkCheck(_ request: SandboxAPIRequest, now: Date, fault: Fault?) -> SandboxAPIResponse {
        authenticated(request, now: now, fault: fault) { state, caller throws(SandboxAPIError) in
            let fingerprint = SandboxIdempotency.Fingerprint(body: request.body)
            if let replay = try state.idempotentReplay(request, clientID: caller.clientID, fingerprint, now: now) {
                return replay
            }
            let body = try Self.jsonObject(request)
            guard let items = body["barcodes"]?.arrayValue else {
                throw .badRequest("Send {\"barcodes\": [\"…\", …]} with 1 to 500 barcodes.")
            }
            guard (1...500).contains(items.count) else {
                throw .badRequest("barcodes must hold 1 to 500 barcodes (got \(items.count)).")
            }
            var results: [JSONValue] = []
            for (index, item) in items.enumerated() {
                guard let text = item.stringValue else { throw .badRequest("barcodes[\(index)] is not a string.") }
                let barcode: String
                do throws(SandboxBarcodeError) {
                    barcode = try SandboxBarcode.key(text)
                } catch {
                    throw .badRequest("barcodes[\(index)] is malformed: \(error.description).")
                }
                if let product = state.catalog.products[barcode],
                    state.inScope(product, clientID: caller.clientID)
                {
                    results.append([
                        "barcode": .string(text), "exists": true,
                        "variants": .array(product.variants.map { .string($0.rawValue) }),
                        "updated_at": .string(product.updatedAtText),
                    ])
                } else {
                    results.append(["barcode": .string(text), "exists": false, "variants": [], "updated_at": nil])
                }
            }
            let cost = state.pricing.bulkCheckPerBarcode * items.count
            try state.ensureAffordable(cost, clientID: caller.clientID)
            var handled = SandboxHandled(body: [("results", .array(results))], debited: cost)
            if let key = request.idempotencyKey { handled.storeUnder = (key, fingerprint) }
            return handled
        }
    }

    /// A fresh signed URL for one variant of `product`, bound to the request's peer IP.
    mutating func signedURL(
        _ product: SandboxProduct, _ variant: ImageVariant, _ clientID: String, _ request: SandboxAPIRequest,
        now: Date
    ) -> String {
        let token = signedURLs.issue(
            barcode: product.barcode, variant: variant, version: product.imageVersions[variant] ?? 1,
            clientID: clientID, peerIP: request.peerIP, now: Self.seconds(now), nonce: Self.randomHex(12))
        return "\(request.baseURL)/image/\(token)"
    }
}
