import Core
import Testing

@Suite("Barcode rules")
struct BarcodeTests {
    @Test("A valid UPC-A keeps its 12 digits")
    func upcA() throws {
        let code = try Barcode(validating: "017000161563")
        #expect(code.digits == "017000161563")
        #expect(code.symbology == .upcA)
        #expect(!code.isInStore)
    }

    @Test("The 13-digit form with a leading zero is the same product as its UPC-A")
    func ean13LeadingZero() throws {
        #expect(try Barcode(validating: "0017000161563") == Barcode(validating: "017000161563"))
        #expect(try Barcode(validating: "00017000161563").digits == "017000161563")
    }

    @Test("UPC-E expands to UPC-A with every rule of the last digit")
    func upcE() throws {
        #expect(try Barcode(validating: "04963406").digits == "049000006346")
        // (UPC-E without check digit, UPC-A without check digit), one per rule of the last digit.
        let vectors = [
            ("0123450", "01200000345"), ("0123453", "01230000045"),
            ("0123454", "01234000005"), ("0123457", "01234500007"),
        ]
        for (upce, upca) in vectors {
            let body = upca.utf8.map { $0 - 48 }
            let check = Barcode.checkDigit(of: body)
            let upceBody = upce.utf8.map { $0 - 48 }
            let fixedUPCE = String(decoding: (upceBody + [check]).map { $0 + 48 }, as: UTF8.self)
            let fixedUPCA = String(decoding: (body + [check]).map { $0 + 48 }, as: UTF8.self)
            #expect(try Barcode(validating: fixedUPCE).digits == fixedUPCA)
        }
    }

    @Test(
        "Eight digits valid both as EAN-8 and as UPC-E key as the EAN-8 upstream knows, with the UPC-A as the other reading"
    )
    func ambiguousEightDigits() throws {
        let code = try Barcode(validating: "11234562")
        #expect(code.digits == "11234562")
        #expect(code.symbology == .ean8)
        #expect(!code.isInStore)
        #expect(code.upcEExpansion?.digits == "112345000062")
        #expect(code.readings.map(\.digits) == ["11234562", "112345000062"])
        #expect(try Barcode(validating: "00000011234562") == code)
    }

    @Test("A UPC-E that is no valid EAN-8 still reads as its UPC-A, with no other reading")
    func upcEOnly() throws {
        let code = try Barcode(validating: "12346008")
        #expect(code.digits == "123000004608")
        #expect(code.upcEExpansion == nil)
        #expect(try Barcode(validating: "96385074").upcEExpansion == nil)
        #expect(try Barcode(validating: "017000161563").upcEExpansion == nil)
    }

    @Test(
        "A UPC-E whose digits are also a restricted EAN-8 (prefix 0) reads as its UPC-A: in-store codes never go upstream"
    )
    func restrictedEAN8OrUPCE() throws {
        let code = try Barcode(validating: "01234565")
        #expect(code.digits == "012345000065")
        #expect(!code.isInStore)
        #expect(code.upcEExpansion == nil)
    }

    @Test("A store barcode keeps the digits it was given and reads as the canonical key")
    func storeBarcode() throws {
        let padded = try StoreBarcode(validating: "0017000161563")
        #expect(padded.digits == "0017000161563")
        #expect(padded.key == (try Barcode(validating: "017000161563")))
        #expect(padded != StoreBarcode(padded.key))
        let upcE = try StoreBarcode(validating: "12346008")
        #expect(upcE.digits == "12346008" && upcE.key.digits == "123000004608")
        #expect(StoreBarcode(trusted: "12346008") == upcE)
        #expect(StoreBarcode("1234600") == nil)
    }

    @Test("An EAN-8 with a country prefix is a global code; prefixes 0 and 2 are in-store")
    func ean8() throws {
        let code = try Barcode(validating: "96385074")
        #expect(code.symbology == .ean8)
        #expect(!code.isInStore)
        let body: [UInt8] = [2, 0, 0, 0, 0, 0, 1]
        let restricted = String(decoding: (body + [Barcode.checkDigit(of: body)]).map { $0 + 48 }, as: UTF8.self)
        #expect(try Barcode(validating: restricted).isInStore)
    }

    @Test("Variable-measure and in-store codes are valid but never go upstream")
    func inStore() throws {
        let body: [UInt8] = [2, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4]
        let upc = String(decoding: (body + [Barcode.checkDigit(of: body)]).map { $0 + 48 }, as: UTF8.self)
        #expect(try Barcode(validating: upc).isInStore)
        let ean: [UInt8] = [2, 5, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6]
        let ean13 = String(decoding: (ean + [Barcode.checkDigit(of: ean)]).map { $0 + 48 }, as: UTF8.self)
        #expect(try Barcode(validating: ean13).isInStore)
    }

    @Test("A wrong check digit is rejected with the digit it should have been")
    func checkDigit() {
        #expect(throws: BarcodeError.checkDigit(found: 4, expected: 3, symbology: "UPC-A")) {
            try Barcode(validating: "017000161564")
        }
    }

    @Test("Letters, slashes, wrong lengths and empty input are rejected with a reason")
    func rejects() {
        #expect(throws: BarcodeError.invalidCharacter("a", position: 3)) { try Barcode(validating: "01a000161563") }
        #expect(throws: BarcodeError.invalidCharacter("/", position: 4)) { try Barcode(validating: "017/00161563") }
        #expect(throws: BarcodeError.length(count: 11)) { try Barcode(validating: "01700016156") }
        #expect(throws: BarcodeError.empty) { try Barcode(validating: "") }
        #expect(Barcode("%2F") == nil)
    }
}
