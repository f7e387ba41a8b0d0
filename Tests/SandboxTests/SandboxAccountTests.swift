import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@Suite("Retail Digitals sandbox: /balance, /account, /usage, /pricing, /health")
struct SandboxAccountTests {
    @Test("/balance answers client_id, credit_balance and tier with meta, for free")
    func balance() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let tokens = try await client.token()
            let response = try await client.send(.GET, "/balance", token: tokens.access)
            let json = try #require(response.json)
            #expect(json.objectValue?.map(\.key) == ["client_id", "credit_balance", "tier", "meta"])
            #expect(json["client_id"]?.stringValue == "rd_client_sandbox")
            #expect(json["credit_balance"]?.creditsValue == Credits(10_000))
            #expect(json["tier"]?.stringValue == "standard")
            #expect(json["meta"]?["credits_debited"]?.jsonText == "0")
        }
    }

    @Test("/account reports name, tier, balance, usage to date and the rate-limit budget after this request")
    func account() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let tokens = try await client.token()
            _ = try await client.send(.GET, "/products/017000161563", token: tokens.access)
            let response = try await client.send(.GET, "/account", token: tokens.access)
            let json = try #require(response.json)
            #expect(json["client_name"]?.stringValue == "pos-rd_client_sandbox")
            #expect(json["credit_balance"]?.creditsValue == Credits(thousandths: 9_997_400))
            #expect(
                json["usage"]
                    == [
                        "requests_today": 2, "requests_this_month": 2, "credits_spent_today": 2.6,
                        "credits_spent_this_month": 2.6,
                    ])
            #expect(
                json["rate_limits"]
                    == [
                        "requests_per_minute": 60, "requests_per_day": 10_000, "remaining_this_minute": 58,
                        "remaining_today": 9_998,
                    ])
            #expect(response.header("X-RateLimit-Remaining-Minute") == "58")
        }
    }

    @Test("/usage lists each UTC day of the range with requests and credits from the ledger")
    func usage() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            _ = try await client.send(.GET, "/products/017000161563?include=product_meta", token: tokens.access)
            sandbox.clock.advance(by: .seconds(86_400))
            let fresh = try await client.token()
            _ = try await client.send(.HEAD, "/products/017000161563", token: fresh.access)
            let response = try await client.send(.GET, "/usage?from=2026-07-01&to=2026-07-04", token: fresh.access)
            #expect(response.status == 200)
            let json = try #require(response.json)
            #expect(json["from"]?.stringValue == "2026-07-01")
            #expect(json["to"]?.stringValue == "2026-07-04")
            #expect(
                json["days"]
                    == [
                        ["date": "2026-07-01", "requests": 0, "credits": 0],
                        ["date": "2026-07-02", "requests": 1, "credits": 0.3],
                        ["date": "2026-07-03", "requests": 2, "credits": 0.05],
                        ["date": "2026-07-04", "requests": 0, "credits": 0],
                    ])
            let defaulted = try await client.send(.GET, "/usage", token: fresh.access)
            #expect(defaulted.json?["from"]?.stringValue == "2026-07-01")
            #expect(defaulted.json?["to"]?.stringValue == "2026-07-03")
            for query in [
                "from=2026-07-05&to=2026-07-01", "from=July", "to=2026-13-01", "from=2025-01-01&to=2026-07-01",
            ] {
                #expect(try await client.send(.GET, "/usage?\(query)", token: fresh.access).status == 400, "\(query)")
            }
        }
    }

    @Test("/pricing has the contract's exact shape and rates")
    func pricing() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let tokens = try await client.token()
            let json = try #require(try await client.send(.GET, "/pricing", token: tokens.access).json)
            #expect(
                json.objectValue?.map(\.key) == [
                    "pricing_model", "formula", "actions", "descriptions", "notes", "meta",
                ])
            #expect(json["pricing_model"]?.stringValue == "per_action")
            #expect(
                json["formula"]?.stringValue
                    == "credits = (per_scope_rate × metadata_scopes) + (per_image_rate × image_variants)")
            #expect(
                json["actions"]?.jsonText
                    == #"{"products.get":0.3,"products.get.per_image":1,"products.head":0.05,"#
                    + #""products.bulk_check.per_barcode":0.01,"products.image_redirect":1,"products.list":0,"#
                    + #""balance":0,"account":0,"usage":0}"#)
            #expect(json["descriptions"]?.objectValue?.count == 9)
            #expect(json["notes"]?.arrayValue?.isEmpty == false)
        }
    }

    @Test("/health answers ok and the API version without auth")
    func health() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let response = try await client.send(.GET, "/health")
            #expect(response.status == 200)
            #expect(response.json == ["status": "ok", "version": "1.4.0"])
            #expect(response.header("Date") == "Thu, 02 Jul 2026 16:30:00 GMT")
        }
    }
}
