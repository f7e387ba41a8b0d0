import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@Suite("Retail Digitals sandbox: POST /products/bulk-check and Idempotency-Key")
struct SandboxBulkCheckTests {
    @Test("Results follow the request order with exists, variants and updated_at; each barcode costs 0.01")
    func results() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let response = try await client.send(
                .POST, "/products/bulk-check", token: tokens.access,
                json: ["barcodes": ["017000161563", "036000291452", "017000161563"]])
            #expect(response.status == 200)
            let results = try #require(response.json?["results"]?.arrayValue)
            let cereal = try #require(sandbox.product("017000161563"))
            #expect(
                results[0]
                    == [
                        "barcode": "017000161563", "exists": true, "variants": ["front", "front_clean"],
                        "updated_at": .string(cereal.updatedAtText),
                    ])
            #expect(results[1] == ["barcode": "036000291452", "exists": false, "variants": [], "updated_at": nil])
            #expect(results.count == 3)
            #expect(response.creditsDebited == Credits(thousandths: 30))
            #expect(sandbox.credits(of: "rd_client_sandbox") == Credits(thousandths: 9_999_970))
        }
    }

    @Test("An empty list, more than 500 barcodes, a malformed barcode or a body that is not the shape is 400")
    func limits() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let five01: [JSONValue] = Array(repeating: "017000161563", count: 501)
            for body: JSONValue in [
                ["barcodes": []], ["barcodes": .array(five01)], ["barcodes": ["017000161564"]], ["barcodes": "x"],
                ["codes": ["017000161563"]], ["barcodes": [17_000_161_563]],
            ] {
                let response = try await client.send(.POST, "/products/bulk-check", token: tokens.access, json: body)
                #expect(response.status == 400)
                #expect(response.errorCode == "bad_request")
            }
            let notJSON = try await client.send(
                .POST, "/products/bulk-check", token: tokens.access, body: Array("barcodes=1".utf8))
            #expect(notJSON.status == 400)
            let huge = try await client.send(
                .POST, "/products/bulk-check", token: tokens.access, body: Array(repeating: 0x20, count: 1_100_000))
            #expect(huge.status == 400)
            #expect(sandbox.credits(of: "rd_client_sandbox") == Credits(10_000))
            let five00: [JSONValue] = Array(repeating: "017000161563", count: 500)
            let full = try await client.send(
                .POST, "/products/bulk-check", token: tokens.access, json: ["barcodes": .array(five00)])
            #expect(full.status == 200)
            #expect(full.creditsDebited == Credits(5))
        }
    }

    @Test("Replaying an Idempotency-Key with the same body returns the stored bytes, charged nothing, flagged")
    func replay() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let key = [("Idempotency-Key", "nightly-sync-2026-07-02")]
            let first = try await client.send(
                .POST, "/products/bulk-check", token: tokens.access, headers: key,
                body: Array(#"{"barcodes": ["017000161563", "080878194964"]}"#.utf8))
            #expect(first.status == 200)
            #expect(first.header("Idempotency-Replayed") == nil)
            let balance = sandbox.credits(of: "rd_client_sandbox")
            sandbox.clock.advance(by: .seconds(1800))
            let again = try await client.send(
                .POST, "/products/bulk-check", token: tokens.access, headers: key,
                body: Array(#"{ "barcodes":["017000161563","080878194964"] }"#.utf8))
            #expect(again.status == 200)
            #expect(again.body == first.body)
            #expect(again.header("Idempotency-Replayed") == "1")
            #expect(again.header("X-Credits-Debited") == "0")
            #expect(again.header("X-Request-ID") != first.header("X-Request-ID"))
            #expect(again.json?["meta"]?["credits_debited"]?.jsonText == "0.02")
            #expect(sandbox.credits(of: "rd_client_sandbox") == balance)
            let entry = try #require(sandbox.ledger().last)
            #expect(entry.replayed)
            #expect(entry.idempotencyKey == "nightly-sync-2026-07-02")
            #expect(entry.creditsDebited == .zero)
        }
    }

    @Test("The same Idempotency-Key with a different body is 409; after 24 hours the key is fresh again")
    func mismatchAndExpiry() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let key = [("Idempotency-Key", "bulk-0123456789abcdefghij")]
            let first = try await client.send(
                .POST, "/products/bulk-check", token: tokens.access, headers: key, json: ["barcodes": ["017000161563"]])
            #expect(first.status == 200)
            let other = try await client.send(
                .POST, "/products/bulk-check", token: tokens.access, headers: key, json: ["barcodes": ["080878194964"]])
            #expect(other.status == 409)
            #expect(other.errorCode == "idempotency_key_mismatch")
            #expect(other.header("X-Credits-Debited") == "0")
            sandbox.clock.advance(by: .seconds(86_400))
            let fresh = try await client.send(
                .POST, "/products/bulk-check", token: try await client.token().access, headers: key,
                json: ["barcodes": ["080878194964"]])
            #expect(fresh.status == 200)
            #expect(fresh.header("Idempotency-Replayed") == nil)
            #expect(fresh.creditsDebited == Credits(thousandths: 10))
        }
    }

    @Test("An Idempotency-Key shorter than 20 or longer than 255 characters is 400")
    func keyLength() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let tokens = try await client.token()
            for (length, status) in [(19, 400), (20, 200), (255, 200), (256, 400)] {
                let response = try await client.send(
                    .POST, "/products/bulk-check", token: tokens.access,
                    headers: [("Idempotency-Key", String(repeating: "k", count: length))],
                    json: ["barcodes": ["017000161563"]])
                #expect(response.status == status, "key of \(length) characters")
            }
        }
    }

    @Test("A failed call is not stored: after a 402 and a top-up the same key is charged normally")
    func errorsNotStored() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            sandbox.setCredits("rd_client_sandbox", .zero)
            let key = [("Idempotency-Key", "bulk-after-top-up-000001")]
            let broke = try await client.send(
                .POST, "/products/bulk-check", token: tokens.access, headers: key, json: ["barcodes": ["017000161563"]])
            #expect(broke.status == 402)
            sandbox.setCredits("rd_client_sandbox", Credits(1))
            let paid = try await client.send(
                .POST, "/products/bulk-check", token: tokens.access, headers: key, json: ["barcodes": ["017000161563"]])
            #expect(paid.status == 200)
            #expect(paid.header("Idempotency-Replayed") == nil)
            #expect(sandbox.credits(of: "rd_client_sandbox") == Credits(thousandths: 990))
        }
    }
}
