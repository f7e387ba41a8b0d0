import Core
import Foundation
import Store
import Testing

@testable import Shelf

@Suite("Pure rules of the shelf push")
struct ShelfLogicTests {
    let cereal = ShelfSamples.barcode(1)
    let soap = ShelfSamples.barcode(2)

    private func row(
        _ seq: Int64, _ barcode: StoreBarcode, _ fields: ShelfFields, source: ShelfChangeSource = .pos
    )
        -> ShelfOutboxRow
    {
        ShelfOutboxRow(
            seq: seq, barcode: barcode, change: fields.storedJSON.jsonText, source: source,
            acceptedAt: UnixMillis(seq * 1000))
    }

    private func known(_ barcode: StoreBarcode, _ delivered: ShelfFields, seq: Int64 = 0) -> ShelfProductState {
        ShelfProductState(barcode: barcode, known: true, delivered: delivered.storedJSON.jsonText, deliveredSeq: seq)
    }

    @Test("Changes to one barcode coalesce in sequence order, the last winning per field")
    func coalescing() {
        let rows = [
            row(1, cereal, ShelfFields(name: "Oat Rings", price: Money(cents: 499), stock: .value(3))),
            row(2, soap, ShelfFields(name: "Soap", price: Money(cents: 199))),
            row(3, cereal, ShelfFields(price: Money(cents: 549), salePrice: .value(Money(cents: 400)))),
            row(4, cereal, ShelfFields(stock: .null, onSale: true)),
        ]
        let plan = ShelfPlanner.plan(rows: rows, states: [:], limit: 10, catalog: [:], metaName: { _ in nil })
        #expect(plan.items.map(\.barcode) == [cereal, soap])
        let item = plan.items[0]
        #expect(item.throughSeq == 4)
        #expect(item.asNew)
        #expect(
            item.payload
                == ShelfFields(
                    name: "Oat Rings", price: Money(cents: 549), stock: .null, onSale: true,
                    salePrice: .value(Money(cents: 400))))
    }

    @Test("A product Retagly has gets only the fields that differ; an unchanged one is settled without sending")
    func differencesOnly() {
        let delivered = ShelfFields(name: "Oat Rings", price: Money(cents: 499), stock: .value(3), onSale: false)
        let rows = [
            row(5, cereal, ShelfFields(name: "Oat Rings", price: Money(cents: 449))),
            row(6, soap, ShelfFields(price: Money(cents: 199))),
        ]
        let states = [cereal: known(cereal, delivered), soap: known(soap, ShelfFields(price: Money(cents: 199)))]
        let plan = ShelfPlanner.plan(rows: rows, states: states, limit: 10, catalog: [:], metaName: { _ in nil })
        #expect(plan.items.count == 1)
        #expect(plan.items.first?.payload == ShelfFields(price: Money(cents: 449)))
        #expect(plan.items.first?.asNew == false)
        #expect(
            plan.items.first?.deliveredAfter
                == ShelfFields(name: "Oat Rings", price: Money(cents: 449), stock: .value(3), onSale: false))
        #expect(plan.settled == [.init(barcode: soap, throughSeq: 6)])
    }

    @Test("A new product is sent whole, its name from the changes, Retail Digitals or the catalog, in that order")
    func newProductFill() {
        let third = ShelfSamples.barcode(3)
        let catalog = [
            cereal.key: CatalogEntry(storeBarcode: cereal, name: "CATALOG CEREAL", price: Money(cents: 300), stock: 7),
            soap.key: CatalogEntry(storeBarcode: soap, name: "CATALOG SOAP", price: Money(cents: 100), onSale: true),
        ]
        let rows = [
            row(1, cereal, ShelfFields(price: Money(cents: 499))),
            row(2, soap, ShelfFields(stock: .value(1))),
            row(3, third, ShelfFields(name: "Typed Name", price: Money(cents: 1))),
        ]
        let plan = ShelfPlanner.plan(
            rows: rows, states: [:], limit: 10, catalog: catalog,
            metaName: { $0 == self.cereal || $0 == third ? "Meta Name" : nil })
        let payloads = Dictionary(uniqueKeysWithValues: plan.items.map { ($0.barcode, $0.payload) })
        #expect(
            payloads[cereal]
                == ShelfFields(
                    name: "Meta Name", price: Money(cents: 499), stock: .value(7), onSale: false, salePrice: .null))
        #expect(
            payloads[soap]
                == ShelfFields(
                    name: "CATALOG SOAP", price: Money(cents: 100), stock: .value(1), onSale: true, salePrice: .null))
        #expect(payloads[third]?.name == "Typed Name")
        #expect(plan.items.allSatisfy { $0.asNew })
    }

    @Test("A new product without a name or price anywhere is a problem, and stays held back until a newer change")
    func missingNameIsAProblem() {
        let rows = [row(7, cereal, ShelfFields(stock: .value(2)))]
        let plan = ShelfPlanner.plan(rows: rows, states: [:], limit: 10, catalog: [:], metaName: { _ in nil })
        #expect(plan.items.isEmpty)
        #expect(plan.problems.count == 1)
        #expect(plan.problems.first?.throughSeq == 7)
        #expect(plan.problems.first?.message.contains("name and price") == true)

        let blocked = ShelfProductState(barcode: cereal, error: "no name", errorSeq: 7)
        let again = ShelfPlanner.plan(
            rows: rows, states: [cereal: blocked], limit: 10, catalog: [:], metaName: { _ in nil })
        #expect(again.isEmpty)
        let newer = rows + [row(8, cereal, ShelfFields(name: "Oat Rings", price: Money(cents: 100)))]
        let retried = ShelfPlanner.plan(
            rows: newer, states: [cereal: blocked], limit: 10, catalog: [:], metaName: { _ in nil })
        #expect(retried.items.map(\.throughSeq) == [8])
        #expect(retried.items.first?.payload.stock == .value(2))
    }

    @Test("The plan takes at most its limit of products and says more are waiting; excluded barcodes are left alone")
    func limitAndExclusion() {
        let rows = (1...5).map {
            row(Int64($0), ShelfSamples.barcode($0), ShelfFields(name: "N", price: Money(cents: 1)))
        }
        let plan = ShelfPlanner.plan(
            rows: rows, states: [:], excluding: [ShelfSamples.barcode(1)], limit: 3, catalog: [:],
            metaName: { _ in nil })
        #expect(plan.items.map(\.barcode) == [2, 3, 4].map(ShelfSamples.barcode))
        #expect(plan.truncated)
    }

    @Test(
        "The full push sends only catalog fields that would change Retagly and never a field the POS set since the catalog"
    )
    func fullPushDifferences() {
        let third = ShelfSamples.barcode(3)
        let fourth = ShelfSamples.barcode(4)
        let catalog = [
            cereal.key: CatalogEntry(
                storeBarcode: cereal, name: "C", price: Money(cents: 500), stock: 4, onSale: false),
            soap.key: CatalogEntry(storeBarcode: soap, name: "S", price: Money(cents: 200)),
            third.key: CatalogEntry(storeBarcode: third, name: "T", price: Money(cents: 300)),
            fourth.key: CatalogEntry(storeBarcode: fourth, name: "F", price: Money(cents: 400)),
        ]
        var cerealState = known(
            cereal, ShelfFields(name: "C", price: Money(cents: 450), stock: .value(4), onSale: false, salePrice: .null))
        cerealState.posSetAt = [nil, nil, UnixMillis(9_000), nil, nil, nil]
        var soapState = known(soap, ShelfFields(name: "S", price: Money(cents: 100)))
        soapState.posSetAt = [nil, UnixMillis(20_000), nil, nil, nil, nil]
        let states = [cereal: cerealState, soap: soapState]
        let pending = [row(9, fourth, ShelfFields(name: "F", price: Money(cents: 400)))]
        let changes = ShelfFullPush.changes(
            catalog: catalog, states: states, pending: pending, asOf: UnixMillis(10_000))
        let byBarcode = Dictionary(uniqueKeysWithValues: changes.map { ($0.barcode, ShelfFields(stored: $0.change)) })
        #expect(byBarcode[cereal] == ShelfFields(price: Money(cents: 500)))
        #expect(byBarcode[soap] == nil)
        #expect(byBarcode[third] == ShelfFields(price: Money(cents: 300)))
        #expect(byBarcode[fourth] == nil)
        #expect(changes.map(\.barcode) == changes.map(\.barcode).sorted())
    }

    @Test("Stored fields read back exactly, prices included, and the Retagly form is camelCase")
    func storedRoundTrip() {
        let fields = ShelfFields(
            name: "Ω \"quoted\"", price: Money(cents: 1), stock: .null, onSale: false,
            salePrice: .value(Money(cents: 120)))
        #expect(ShelfFields(stored: fields.storedJSON.jsonText) == fields)
        #expect(ShelfFields(stored: ShelfFields().storedJSON.jsonText).isEmpty)
        let retagly = fields.retaglyJSON(barcode: cereal)
        #expect(retagly["salePrice"] == .number("1.2"))
        #expect(retagly["onSale"] == false)
        #expect(retagly["stock"] == .null)
        #expect(retagly["price"] == .number("0.01"))
    }
}
