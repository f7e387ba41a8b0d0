import Core
import Foundation
import Sandbox
import TestSupport
import Testing

/// 8-digit codes that are valid both as EAN-8 and as UPC-E: the sandbox's catalog has them, as a real
/// catalog does, and keys 8 digits strictly as the contract says.
@Suite("Sandbox: ambiguous 8-digit codes")
struct SandboxAmbiguityTests {
    func sandbox(products: Int, ambiguous: Int? = nil, seed: UInt64 = 1) -> Sandbox {
        var configuration = SandboxTesting.configuration(products: products, seed: seed)
        configuration.ambiguousProducts = ambiguous
        return Sandbox(configuration: configuration, logger: SandboxTesting.logger)
    }

    @Test("The catalog holds ambiguous 8-digit codes in both directions, deterministically, and keeps its size")
    func generated() throws {
        let catalog = sandbox(products: 1000)
        let codes = catalog.ambiguousCodes
        #expect(catalog.products.count == 1000)
        #expect(codes.filter(\.isEAN8).count >= 4)
        #expect(codes.filter { !$0.isEAN8 }.count >= 4)
        #expect(codes == sandbox(products: 1000).ambiguousCodes)
        for code in codes {
            let digits = code.code.utf8.map { $0 - UInt8(ascii: "0") }
            #expect(digits.count == 8)
            #expect(Barcode.checkDigit(of: digits.dropLast()) == digits[7], "\(code.code) is a valid EAN-8")
            let upcA = Barcode.expandUPCE(numberSystem: digits[0], payload: Array(digits[1...6]))
            #expect(Barcode.checkDigit(of: upcA) == digits[7], "\(code.code) is a valid UPC-E")
            if !code.isEAN8 {
                #expect(code.barcode == String(decoding: (upcA + [digits[7]]).map { $0 + 48 }, as: UTF8.self))
                #expect(catalog.product(code.code) == nil, "the API does not know \(code.code) as EAN-8")
            }
            #expect(catalog.product(code.barcode)?.barcode == code.barcode)
        }
        // A small catalog stays as it was unless asked for them.
        #expect(sandbox(products: 60).ambiguousCodes.isEmpty)
        #expect(sandbox(products: 60).products == sandbox(products: 60, ambiguous: 0).products)
        let asked = sandbox(products: 60, ambiguous: 2)
        #expect(asked.products.count == 60)
        #expect(asked.ambiguousCodes.filter(\.isEAN8).count == 2)
    }

    @Test("The API keys 8 digits as EAN-8 only: never as an expanded UPC-E, and a UPC-E-only code is malformed")
    func strictEAN8() async throws {
        var configuration = SandboxTesting.configuration(products: 20)
        configuration.ambiguousProducts = 2
        try await SandboxTesting.withSandbox(configuration) { sandbox, client in
            let tokens = try await client.token()
            let codes = sandbox.ambiguousCodes
            let ean8 = try #require(codes.filter(\.isEAN8).first)
            let upcA = try #require(codes.filter({ !$0.isEAN8 && $0.code.hasPrefix("1") }).first)
            let found = try await client.send(.GET, "/products/\(ean8.code)?include=product_meta", token: tokens.access)
            #expect(found.status == 200)
            #expect(found.json?["barcode"]?.stringValue == ean8.code)
            let missing = try await client.send(
                .GET, "/products/\(upcA.code)?include=product_meta", token: tokens.access)
            #expect(missing.status == 404)
            #expect(sandbox.ledger().last?.creditsDebited == .zero)
            let byUPCA = try await client.send(
                .GET, "/products/\(upcA.barcode)?include=product_meta", token: tokens.access)
            #expect(byUPCA.json?["barcode"]?.stringValue == upcA.barcode)
            // 04963406 is a UPC-E (of 049000006346) but no valid EAN-8.
            let upcE = try await client.send(.GET, "/products/04963406", token: tokens.access)
            #expect(upcE.status == 400)
        }
    }
}
