import Core
import Testing

@testable import Shelf

@Suite("Validating POS shelf changes")
struct ShelfChangeParserTests {
    private func parse(_ text: String, limit: Int = 100) -> Result<[ShelfChange], ShelfChangeParser.BodyError> {
        ShelfChangeParser.parse(Array(text.utf8), limit: limit)
    }

    @Test("A valid body keeps each barcode as sent and exactly the fields sent, null clearing stock and sale price")
    func validBody() throws {
        let result = parse(
            """
            {"products": [
              {"barcode": "0017000161563", "price": 4.99, "name": "Oat Rings", "stock": 12, "on_sale": true,
               "sale_price": "3.5"},
              {"barcode": "017000161563", "stock": null, "sale_price": null},
              {"barcode": "017000161563", "price": "0"}
            ]}
            """)
        let changes = try result.get()
        #expect(changes.count == 3)
        // The store's form is its identity toward Retagly; it reads as the canonical UPC-A.
        #expect(changes[0].barcode.digits == "0017000161563")
        #expect(changes[0].barcode.key.digits == "017000161563")
        #expect(changes[0].fields.name == "Oat Rings")
        #expect(changes[0].fields.price == Money(cents: 499))
        #expect(changes[0].fields.stock == .value(12))
        #expect(changes[0].fields.onSale == true)
        #expect(changes[0].fields.salePrice == .value(Money(cents: 350)))
        #expect(changes[1].fields == ShelfFields(stock: .null, salePrice: .null))
        #expect(changes[2].fields == ShelfFields(price: Money(cents: 0)))
    }

    @Test("unit is a non-blank string of at most 32 characters that cannot be cleared")
    func unit() throws {
        let changes = try parse(#"{"products": [{"barcode": "12346008", "unit": "kg"}]}"#).get()
        #expect(changes[0].barcode.digits == "12346008")
        #expect(changes[0].fields == ShelfFields(unit: "kg"))
        let long = String(repeating: "u", count: 33)
        let result = parse(
            """
            {"products": [{"barcode": "12346008", "unit": null}, {"barcode": "12346008", "unit": " "},
              {"barcode": "12346008", "unit": "\(long)"}, {"barcode": "12346008", "unit": 3}]}
            """)
        guard case .failure(.items(let problems)) = result else {
            Issue.record("expected item problems, got \(result)")
            return
        }
        #expect(problems.map(\.index) == [0, 1, 2, 3])
        #expect(problems[0].message.contains("unit cannot be cleared"))
        #expect(problems.dropFirst().allSatisfy { $0.message.contains("unit must be a non-blank string") })
    }

    @Test("Every bad item is reported with its index, barcode as sent and every problem, and nothing is accepted")
    func badItems() throws {
        let long = String(repeating: "x", count: 201)
        let result = parse(
            """
            {"products": [
              {"barcode": "017000161563", "price": 1.00},
              {"barcode": "017000161564", "price": 1.00},
              {"barcode": "017000161563", "price": -1, "stock": 2.5},
              {"barcode": "017000161563", "price": 1.999, "on_sale": "yes"},
              {"barcode": "017000161563", "name": "  "},
              {"barcode": "017000161563", "name": "\(long)"},
              {"barcode": "017000161563", "name": null, "price": null},
              {"barcode": "017000161563", "salePrice": 1},
              {"barcode": "017000161563"},
              {"price": 1},
              {"barcode": 17000161563, "price": 1},
              "017000161563",
              {"barcode": "017000161563", "price": 1e2, "stock": -3}
            ]}
            """)
        guard case .failure(.items(let problems)) = result else {
            Issue.record("expected item problems, got \(result)")
            return
        }
        #expect(problems.map(\.index) == Array(1...12))
        let byIndex = Dictionary(uniqueKeysWithValues: problems.map { ($0.index, $0) })
        #expect(byIndex[1]?.barcode == "017000161564")
        #expect(byIndex[1]?.message.contains("check digit") == true)
        #expect(byIndex[2]?.message.contains("price must be 0 or more") == true)
        #expect(byIndex[2]?.message.contains("stock must be a whole number") == true)
        #expect(byIndex[3]?.message.contains("more than 2 decimal places") == true)
        #expect(byIndex[3]?.message.contains("on_sale must be true or false") == true)
        #expect(byIndex[4]?.message.contains("name is blank") == true)
        #expect(byIndex[5]?.message.contains("201 characters") == true)
        #expect(byIndex[6]?.message.contains("name cannot be cleared") == true)
        #expect(byIndex[6]?.message.contains("price cannot be cleared") == true)
        #expect(byIndex[7]?.message.contains("unknown field 'salePrice'") == true)
        #expect(byIndex[8]?.message.contains("sets nothing") == true)
        #expect(byIndex[9]?.message.contains("barcode is required") == true)
        #expect(byIndex[10]?.message.contains("barcode must be a string") == true)
        #expect(byIndex[10]?.barcode == nil)
        #expect(byIndex[11]?.message.contains("must be a JSON object") == true)
        #expect(byIndex[12]?.message.contains("no exponent") == true)
        #expect(byIndex[12]?.message.contains("stock must be a whole number") == true)
    }

    @Test("A body that is not JSON, not an object of products, or empty is refused as a whole")
    func malformedBodies() {
        for text in [
            "", "{", "[]", "{\"products\": {}}", "{\"products\": []}", "{\"items\": []}",
            "{\"products\": [], \"x\": 1}",
        ] {
            guard case .failure(.malformed) = parse(text) else {
                Issue.record("expected \(text.debugDescription) to be refused as malformed")
                continue
            }
        }
    }

    @Test("More changes than the limit are refused before any item is read")
    func tooMany() {
        let items = Array(repeating: "{\"barcode\": \"017000161563\", \"price\": 1}", count: 11).joined(separator: ",")
        #expect(parse("{\"products\": [\(items)]}", limit: 10) == .failure(.tooMany(count: 11, limit: 10)))
        #expect((try? parse("{\"products\": [\(items)]}", limit: 11).get())?.count == 11)
    }
}
