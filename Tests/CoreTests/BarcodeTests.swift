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
