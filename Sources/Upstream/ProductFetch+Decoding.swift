import Core
import Foundation

extension ProductFetch {
    /// Decodes a product answer (pure; tested without I/O).
    ///
    /// - Parameters:
    ///   - requested: the barcode asked for; an answer for another one breaks the contract.
    ///   - origin: `scheme://host[:port]` of the API, to resolve image URLs sent as absolute paths.
    static func decode(
        _ body: [UInt8], requested: Barcode, facts: ResponseFacts, pricing: Pricing, origin: String
    ) throws(DecodeFailure) -> ProductFetch {
        let json = try AnswerJSON.object(body, what: "product")
        var barcode = requested
        if let text = json["barcode"]?.stringValue {
            guard let answered = Barcode(text), answered == requested else {
                throw .contract("the product answer is for another barcode")
            }
            barcode = answered
        }
        var urls: [ImageVariant: SignedImageURL] = [:]
        if let images = json["images"] {
            guard let members = images.objectValue else { throw .contract("`images` is not an object") }
            for (key, value) in members {
                guard let variant = ImageVariant(rawValue: key), let text = value.stringValue, !text.isEmpty else {
                    continue
                }
                guard let url = AnswerJSON.resolve(text, origin: origin) else {
                    throw .contract("an image URL is not an http(s) URL")
                }
                urls[variant] = SignedImageURL(url: url)
            }
        }
        let productMeta = json["product_meta"]
        let imageMeta = json["image_meta"]
        let blocks = (productMeta == nil ? 0 : 1) + (imageMeta == nil ? 0 : 1)
        let meta = json["meta"]
        var debited = facts.creditsDebited
        if debited == nil {
            debited = try AnswerNumber.optionalCredits(
                meta?["credits_debited"], "meta.credits_debited", in: Credits.plausibleAmounts, what: "product")
        }
        return ProductFetch(
            barcode: barcode,
            updatedAt: json["updated_at"]?.stringValue,
            productMeta: productMeta,
            imageMeta: imageMeta,
            imageURLs: urls,
            expectedCost: pricing.productCost(metadataBlocks: blocks, imageURLs: urls.count),
            creditsDebited: debited,
            requestID: facts.requestID ?? meta?["request_id"]?.stringValue,
            serverTime: AnswerJSON.serverTime(meta: meta, facts: facts))
    }
}
