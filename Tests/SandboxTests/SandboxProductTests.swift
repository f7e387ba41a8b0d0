import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@Suite("Retail Digitals sandbox: product fetch, HEAD, errors and account checks")
struct SandboxProductTests {
    static let commonHeaders = [
        "Content-Type", "X-Request-ID", "X-Credits-Debited", "X-Credits-Remaining", "X-RateLimit-Limit-Minute",
        "X-RateLimit-Limit-Day", "X-RateLimit-Remaining-Minute", "X-RateLimit-Remaining-Day", "X-RateLimit-Reset",
        "Date",
    ]

    @Test("Every answer to a valid Bearer token (200, 400, 402, 404) has the full header set and meta")
    func fullHeaderSet() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let ok = try await client.send(.GET, "/products/017000161563", token: tokens.access)
            let badRequest = try await client.send(.GET, "/products/12345", token: tokens.access)
            let notFound = try await client.send(.GET, "/products/036000291452", token: tokens.access)
            sandbox.setCredits("rd_client_sandbox", Credits(thousandths: 100))
            let paymentRequired = try await client.send(.GET, "/products/017000161563", token: tokens.access)
            for (response, status) in [(ok, 200), (badRequest, 400), (notFound, 404), (paymentRequired, 402)] {
                #expect(response.status == status)
                for name in Self.commonHeaders { #expect(response.header(name) != nil, "\(name) on \(status)") }
                let meta = try #require(response.json?["meta"])
                #expect(meta["request_id"]?.stringValue == response.header("X-Request-ID"))
                #expect(meta["response_generated"]?.stringValue == "2026-07-02T16:30:00Z")
                if status != 200 {
                    #expect(response.json?["error"]?["request_id"]?.stringValue == response.header("X-Request-ID"))
                }
            }
            #expect(ok.header("Date") == "Thu, 02 Jul 2026 16:30:00 GMT")
            #expect(ok.header("X-RateLimit-Reset") == String(Int(SandboxTesting.start.timeIntervalSince1970) + 60))
        }
    }

    @Test("The product body has barcode, updated_at, the contract's blocks and signed URLs under /image/")
    func productBody() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let response = try await client.send(.GET, "/products/080878194964", token: tokens.access)
            let json = try #require(response.json)
            let truth = try #require(sandbox.product("080878194964"))
            #expect(json["barcode"]?.stringValue == "080878194964")
            #expect(json["updated_at"]?.stringValue == Timestamp.format(truth.updatedAt))
            #expect(json["product_meta"] == truth.productMeta)
            #expect(json["image_meta"]?["front"] == truth.imageMeta[.front])
            let front = try #require(json["images"]?["front"]?.stringValue)
            #expect(front.hasPrefix(sandbox.retailDigitalsBaseURL + "/image/"))
            #expect(
                json.objectValue?.map(\.key) == [
                    "barcode", "updated_at", "product_meta", "image_meta", "images", "meta",
                ])
        }
    }

    @Test("Malformed barcodes and unknown include/variants values are 400 bad_request and cost nothing")
    func badRequests() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            for path in [
                "/products/017000161564", "/products/01700016156A", "/products/1234567", "/products/123456789012345",
                "/products/017000161563?include=everything", "/products/017000161563?variants=side",
                "/products/017000161563?include=", "/products/017000161563/image?variant=top",
            ] {
                let response = try await client.send(.GET, path, token: tokens.access)
                #expect(response.status == 400, "\(path)")
                #expect(response.errorCode == "bad_request", "\(path)")
                #expect(response.header("X-Credits-Debited") == "0")
            }
            #expect(sandbox.credits(of: "rd_client_sandbox") == Credits(10_000))
        }
    }

    @Test("An unknown barcode (or an in-store code) is 404 not_found and costs nothing")
    func notFound() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            for barcode in ["036000291452", "212345678909", "96385074"] {
                let response = try await client.send(.GET, "/products/\(barcode)", token: tokens.access)
                #expect(response.status == 404)
                #expect(response.errorCode == "not_found")
                #expect(response.creditsDebited == .zero)
            }
            #expect(sandbox.credits(of: "rd_client_sandbox") == Credits(10_000))
        }
    }

    @Test("The EAN-13 and GTIN-14 forms of a UPC-A find the product under its 12-digit barcode")
    func normalizedForms() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let tokens = try await client.token()
            for form in ["0017000161563", "00017000161563"] {
                let response = try await client.send(
                    .GET, "/products/\(form)?include=product_meta", token: tokens.access)
                #expect(response.status == 200)
                #expect(response.json?["barcode"]?.stringValue == "017000161563")
            }
        }
    }

    @Test("A call costing more than the balance is 402 insufficient_credits and charges nothing")
    func insufficientCredits() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            sandbox.setCredits("rd_client_sandbox", Credits(thousandths: 2_500))
            let response = try await client.send(.GET, "/products/017000161563", token: tokens.access)
            #expect(response.status == 402)
            #expect(response.errorCode == "insufficient_credits")
            #expect(response.header("X-Credits-Remaining") == "2.5")
            #expect(sandbox.credits(of: "rd_client_sandbox") == Credits(thousandths: 2_500))
            #expect(sandbox.ledger().last?.creditsDebited == .zero)
            // A cheaper shape still fits, and free calls keep working at zero.
            let cheap = try await client.send(
                .GET, "/products/017000161563?include=images&variants=front", token: tokens.access)
            #expect(cheap.status == 200)
            sandbox.setCredits("rd_client_sandbox", .zero)
            #expect(try await client.send(.GET, "/balance", token: tokens.access).status == 200)
            #expect(try await client.send(.HEAD, "/products/017000161563", token: tokens.access).status == 402)
        }
    }

    @Test("HEAD answers 200 without a body for 0.05 credits, 404 for free")
    func head() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let found = try await client.send(.HEAD, "/products/017000161563", token: tokens.access)
            #expect(found.status == 200)
            #expect(found.body.isEmpty)
            #expect(found.header("X-Credits-Debited") == "0.05")
            #expect(sandbox.credits(of: "rd_client_sandbox") == Credits(thousandths: 9_999_950))
            let missing = try await client.send(.HEAD, "/products/036000291452", token: tokens.access)
            #expect(missing.status == 404)
            #expect(missing.header("X-Credits-Debited") == "0")
            #expect(sandbox.ledger().last?.endpoint == "HEAD /products/{barcode}")
        }
    }

    @Test("A barcode outside the client's brand scope is 403 scope_forbidden; listing and bulk-check hide it")
    func brandScope() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            var account = try #require(sandbox.account("rd_client_sandbox"))
            account.brandScope = ["Example Brand"]
            sandbox.setAccount(account)
            let tokens = try await client.token()
            #expect(try await client.send(.GET, "/products/017000161563", token: tokens.access).status == 200)
            let outside = try await client.send(.GET, "/products/080878194964", token: tokens.access)
            #expect(outside.status == 403)
            #expect(outside.errorCode == "scope_forbidden")
            #expect(outside.creditsDebited == .zero)
            let listing = try await client.send(.GET, "/products?per_page=500", token: tokens.access)
            #expect(listing.json?["data"]?.arrayValue?.compactMap { $0["brand"]?.stringValue } == ["Example Brand"])
            let check = try await client.send(
                .POST, "/products/bulk-check", token: tokens.access, json: ["barcodes": ["080878194964"]])
            #expect(check.json?["results"]?[0]?["exists"]?.boolValue == false)
        }
    }

    @Test("An unknown route under /api/v1 is a JSON 404 not_found")
    func unknownRoute() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let response = try await client.send(.GET, "/nothing/here")
            #expect(response.status == 404)
            #expect(response.errorCode == "not_found")
        }
    }
}
