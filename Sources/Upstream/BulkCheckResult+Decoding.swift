import Core

extension BulkCheckResult {
    /// Decodes a bulk-check answer (pure).
    static func decode(
        _ body: [UInt8], facts: ResponseFacts, expectedCost: Credits
    ) throws(DecodeFailure)
        -> BulkCheckResult
    {
        let json = try AnswerJSON.object(body, what: "bulk-check")
        guard let rows = json["results"]?.arrayValue else { throw .contract("the bulk-check answer has no `results`") }
        var items: [BulkCheckItem] = []
        items.reserveCapacity(rows.count)
        for row in rows {
            guard let text = row["barcode"]?.stringValue, let barcode = Barcode(text),
                let exists = row["exists"]?.boolValue
            else { throw .contract("a bulk-check line has no valid barcode or `exists`") }
            let variants = (row["variants"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(ImageVariant.init) }
            items.append(
                BulkCheckItem(
                    barcode: barcode, exists: exists, variants: variants.sorted(),
                    updatedAt: row["updated_at"]?.stringValue))
        }
        var debited = facts.creditsDebited ?? (facts.replayed ? .zero : nil)
        if debited == nil {
            debited = try AnswerNumber.optionalCredits(
                json["meta"]?["credits_debited"], "meta.credits_debited", in: Credits.plausibleAmounts,
                what: "bulk-check")
        }
        return BulkCheckResult(
            results: items, replayed: facts.replayed, creditsDebited: debited, expectedCost: expectedCost)
    }
}
