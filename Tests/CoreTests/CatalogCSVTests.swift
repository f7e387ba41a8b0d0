import Core
import Testing

@Suite("Store catalog CSV")
struct CatalogCSVTests {
    @Test("Rows with quotes, CRLF and optional columns become entries")
    func parsesRows() throws {
        let csv =
            "\u{FEFF}barcode,name,price,stock,on_sale,sale_price\r\n"
            + "017000161563,\"Cereal, \"\"Example\"\"\",4.99,12,yes,3.49\r\n"
            + "96385074,Plain,1,,,\r\n"
        let result = try CatalogCSV.parse(Array(csv.utf8))
        #expect(result.problems.isEmpty)
        let cereal = try #require(result.entries[Barcode("017000161563")!])
        #expect(cereal.name == "Cereal, \"Example\"")
        #expect(cereal.price == Money(cents: 499))
        #expect(cereal.stock == 12)
        #expect(cereal.onSale == true)
        #expect(cereal.salePrice == Money(cents: 349))
        #expect(result.entries[Barcode("96385074")!]?.stock == nil)
    }

    @Test("Bad rows are reported by line and skipped; the last duplicate wins")
    func reportsProblems() throws {
        let csv = """
            name,barcode,price
            A,017000161563,4.99
            B,017000161564,1.00
            C,abc,1.00
            D,96385074,free
            E,0017000161563,5.49
            """
        let result = try CatalogCSV.parse(Array(csv.utf8))
        #expect(result.entries.count == 1)
        #expect(result.entries[Barcode("017000161563")!]?.name == "E")
        #expect(result.problems.map(\.line) == [3, 4, 5, 6])
        #expect(result.problems[0].message.contains("check digit"))
    }

    @Test("A row keeps its barcode as written and its optional unit; a unit too long for a shelf label is refused")
    func storeFormAndUnit() throws {
        let long = String(repeating: "u", count: 33)
        let csv =
            "barcode,name,price,unit\n0017000161563,Cereal,4.99,each\n12346008,Apples,2.49,kg\n"
            + "11234562,Tea,3.00,\n96385074,Long,1.00,\(long)\n"
        let result = try CatalogCSV.parse(Array(csv.utf8))
        let cereal = try #require(result.entries[Barcode("017000161563")!])
        #expect(cereal.storeBarcode.digits == "0017000161563" && cereal.unit == "each")
        let apples = try #require(result.entries[Barcode("123000004608")!])
        #expect(apples.storeBarcode.digits == "12346008" && apples.unit == "kg")
        #expect(apples.json["unit"] == "kg")
        #expect(result.entries[Barcode("11234562")!]?.unit == nil)
        #expect(result.problems.map(\.line) == [5])
        #expect(result.problems.first?.message.contains("unit") == true)
    }

    @Test("A header without the required columns is refused with what it must contain")
    func refusesHeader() {
        #expect(throws: CatalogCSV.HeaderError.self) { try CatalogCSV.parse(Array("sku,title\n1,x\n".utf8)) }
        #expect(throws: CatalogCSV.HeaderError.self) { try CatalogCSV.parse([UInt8]()) }
    }
}
