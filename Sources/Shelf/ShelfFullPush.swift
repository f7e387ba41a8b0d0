import Core
import Store

/// The daily full catalog push (pure): which catalog products would change what Retagly shows.
///
/// For each catalog entry, under the barcode digits its row gives (the store's identity toward
/// Retagly): the fields it states (price, stock, on_sale, sale_price, unit — names stay
/// with the POS's changes, or for a new product Retail Digitals' or the catalog's name), minus every
/// field the POS set through the socket at or after `asOf` (a newer POS change always wins),
/// compared with what Retagly will hold once the outbox is drained (the delivered state with the
/// pending changes merged). Only differences are queued, so an unchanged catalog sends nothing.
enum ShelfFullPush {
    /// The changes to queue, in order of the store's barcode digits.
    static func changes(
        catalog: [Barcode: CatalogEntry], states: [StoreBarcode: ShelfProductState], pending: [ShelfOutboxRow],
        asOf: UnixMillis
    ) -> [ShelfNewChange] {
        var eventual: [StoreBarcode: ShelfFields] = [:]
        for row in pending {
            let base =
                eventual[row.barcode] ?? states[row.barcode]?.delivered.map { ShelfFields(stored: $0) } ?? ShelfFields()
            eventual[row.barcode] = base.overlaid(with: ShelfFields(stored: row.change))
        }
        var changes: [ShelfNewChange] = []
        for entry in catalog.values.sorted(by: { $0.storeBarcode < $1.storeBarcode }) {
            let barcode = entry.storeBarcode
            let state = states[barcode]
            var newer: ShelfFieldSet = []
            for field in ShelfFieldSet.each where state?.posSetAt(field).map({ $0 >= asOf }) == true {
                newer.insert(field)
            }
            let target = ShelfFields(catalog: entry).removing(newer)
            let current = eventual[barcode] ?? state?.delivered.map { ShelfFields(stored: $0) } ?? ShelfFields()
            let difference = target.differences(from: current)
            guard !difference.isEmpty else { continue }
            changes.append(
                ShelfNewChange(
                    barcode: barcode, change: difference.storedJSON.jsonText, fields: difference.fieldSet))
        }
        return changes
    }
}
