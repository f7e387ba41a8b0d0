import Core
import Store

/// Turns outbox rows into what to send (pure): coalesces the changes of each barcode in sequence
/// order (the last wins per field), compares the result with the last state Retagly confirmed,
/// and decides between a partial update and a whole new product.
///
/// - A barcode Retagly has (``ShelfProductState/known``) gets only the fields that differ from
///   the delivered state; none differ → settled without sending (unchanged products are never
///   re-sent).
/// - A barcode Retagly does not have is sent whole, so storesync knows every field Retagly holds
///   from then on: name from the changes, else the delivered state, else Retail Digitals'
///   `product_name`, else the store catalog; price from the changes, the delivered state or the
///   catalog; stock, on_sale and sale_price from the changes, the delivered state, the catalog,
///   else Retagly's defaults (no stock, not on sale, no sale price); unit from the changes, the
///   delivered state or the catalog, else left to Retagly (`each`). No name or no price → a
///   problem (an item error that waits for a newer change).
/// - Products are keyed by the digits the store used (``StoreBarcode``), which are what Retagly
///   receives; the catalog row and Retail Digitals' name are found by the key those digits read as.
/// - A barcode held back by an item error with no newer change is skipped.
enum ShelfPlanner {
    /// - Parameters:
    ///   - rows: outbox rows in sequence order.
    ///   - states: what storesync knows per barcode.
    ///   - excluding: barcodes not to touch (carried by a session in flight).
    ///   - limit: the most products to plan for sending.
    ///   - catalog: the store catalog.
    ///   - metaName: Retail Digitals' `product_name` of a barcode, if cached.
    static func plan(
        rows: [ShelfOutboxRow], states: [StoreBarcode: ShelfProductState], excluding: Set<StoreBarcode> = [],
        limit: Int, catalog: [Barcode: CatalogEntry], metaName: (StoreBarcode) -> String?
    ) -> ShelfPlan {
        var order: [StoreBarcode] = []
        var merged: [StoreBarcode: (fields: ShelfFields, through: Int64)] = [:]
        for row in rows where !excluding.contains(row.barcode) {
            let fields = ShelfFields(stored: row.change)
            if let existing = merged[row.barcode] {
                merged[row.barcode] = (existing.fields.overlaid(with: fields), max(existing.through, row.seq))
            } else {
                order.append(row.barcode)
                merged[row.barcode] = (fields, row.seq)
            }
        }
        var plan = ShelfPlan()
        for barcode in order {
            guard let (changes, through) = merged[barcode] else { continue }
            let state = states[barcode]
            if state?.isBlocked(through: through) == true { continue }
            let delivered = state?.delivered.map { ShelfFields(stored: $0) } ?? ShelfFields()
            if state?.known == true {
                let payload = changes.differences(from: delivered)
                if payload.isEmpty {
                    plan.settled.append(.init(barcode: barcode, throughSeq: through))
                } else if plan.items.count < limit {
                    plan.items.append(
                        ShelfPlannedItem(
                            barcode: barcode, throughSeq: through, payload: payload, asNew: false, delivered: delivered)
                    )
                } else {
                    plan.truncated = true
                }
                continue
            }
            let entry = catalog[barcode.key]
            var whole = delivered.overlaid(with: changes)
            whole.name = whole.name ?? metaName(barcode) ?? entry?.name
            whole.price = whole.price ?? entry?.price
            whole.stock = whole.stock ?? entry?.stock.map { .value($0) } ?? .null
            whole.onSale = whole.onSale ?? entry?.onSale ?? false
            whole.salePrice = whole.salePrice ?? entry?.salePrice.map { .value($0) } ?? .null
            whole.unit = whole.unit ?? entry?.unit
            guard whole.name != nil, whole.price != nil else {
                plan.problems.append(
                    .init(barcode: barcode, throughSeq: through, message: missingMessage(whole, barcode: barcode)))
                continue
            }
            guard plan.items.count < limit else {
                plan.truncated = true
                continue
            }
            plan.items.append(
                ShelfPlannedItem(
                    barcode: barcode, throughSeq: through, payload: whole, asNew: true, delivered: delivered))
        }
        return plan
    }

    private static func missingMessage(_ whole: ShelfFields, barcode: StoreBarcode) -> String {
        let missing = [whole.name == nil ? "name" : nil, whole.price == nil ? "price" : nil].compactMap { $0 }
        return "barcode \(barcode) is new to the shelf displays and its \(missing.joined(separator: " and ")) "
            + "is unknown (neither the changes, Retail Digitals nor the store catalog have it); send a change "
            + "with \(missing.joined(separator: " and ")) for it"
    }
}
