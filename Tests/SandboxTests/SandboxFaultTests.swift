import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@Suite("Retail Digitals sandbox: injected faults")
struct SandboxFaultTests {
    @Test("An injected 5xx replaces the answer with Retry-After, charges and counts nothing, and is in the ledger")
    func serverError() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            sandbox.faults.add(FaultRule(.serverError(status: 503, retryAfter: 7), target: .productGet, count: 1))
            let failed = try await client.send(.GET, "/products/017000161563", token: tokens.access)
            #expect(failed.status == 503)
            #expect(failed.errorCode == "unavailable")
            #expect(failed.header("Retry-After") == "7")
            #expect(failed.json?["error"]?["request_id"]?.stringValue == failed.header("X-Request-ID"))
            let entry = try #require(sandbox.ledger().last)
            #expect(entry.injected && entry.fault == "server_error" && entry.status == 503)
            #expect(entry.creditsDebited == .zero && !entry.countedForRateLimit)
            #expect(entry.clientID == "rd_client_sandbox")
            let next = try await client.send(.GET, "/products/017000161563", token: tokens.access)
            #expect(next.status == 200)
            #expect(next.header("X-RateLimit-Remaining-Minute") == "59")
            #expect(sandbox.credits(of: "rd_client_sandbox") == Credits(thousandths: 9_997_400))
            sandbox.faults.add(FaultRule(.serverError(status: 500), target: .accountEndpoints))
            #expect(try await client.send(.GET, "/balance", token: tokens.access).errorCode == "internal")
        }
    }

    @Test("A 429 storm answers rate_limited with Retry-After for its count, then normal answers resume")
    func rateLimitStorm() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            sandbox.faults.add(FaultRule(.rateLimited(retryAfter: 3), target: .listing, count: 3))
            var statuses: [Int] = []
            for _ in 0..<4 { statuses.append(try await client.send(.GET, "/products", token: tokens.access).status) }
            #expect(statuses == [429, 429, 429, 200])
            #expect(sandbox.ledgerSummary().rateLimited == 3)
            #expect(sandbox.faults.rules.isEmpty)
        }
    }

    @Test("A delay sleeps before a normal, charged answer: a client with a shorter deadline gives up")
    func delay() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            sandbox.faults.add(FaultRule(.delay(.milliseconds(50)), target: .productGet, count: 1))
            let slow = try await client.send(.GET, "/products/017000161563?include=product_meta", token: tokens.access)
            #expect(slow.status == 200)
            #expect(slow.creditsDebited == Credits(thousandths: 300))
            sandbox.faults.add(FaultRule(.delay(.seconds(2)), target: .productGet, count: 1))
            await #expect(throws: (any Error).self) {
                _ = try await client.send(
                    .GET, "/products/017000161563", token: tokens.access, deadline: .milliseconds(200))
            }
            let entry = try #require(sandbox.ledger().last)
            #expect(entry.injected && entry.fault == "delay" && entry.status == 200)
            #expect(entry.creditsDebited == Credits(thousandths: 2_600) && entry.countedForRateLimit)
        }
    }

    @Test("A cut body announces a longer Content-Length than it sends, then closes; nothing is charged")
    func truncatedBody() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            sandbox.faults.add(FaultRule(.truncatedBody, target: .productGet, count: 1))
            let raw = try await RawHTTPClient.get(
                port: sandbox.port, target: "/api/v1/products/017000161563",
                headers: [("Authorization", "Bearer \(tokens.access)")])
            #expect(raw.status == 200)
            let announced = try #require(raw.header("Content-Length").flatMap { Int($0) })
            #expect(raw.body.count < announced)
            #expect(!raw.body.isEmpty)
            #expect(sandbox.credits(of: "rd_client_sandbox") == Credits(10_000))
            #expect(sandbox.ledger().last?.fault == "truncated_body")
        }
    }

    @Test("Malformed JSON is a 200 whose body does not parse; a closed connection sends no byte at all")
    func malformedAndClosed() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            sandbox.faults.add(FaultRule(.malformedJSON, target: .productGet, count: 1))
            let malformed = try await client.send(.GET, "/products/017000161563", token: tokens.access)
            #expect(malformed.status == 200)
            #expect(malformed.json == nil)
            sandbox.faults.add(FaultRule(.closeConnection, target: .bulkCheck, count: 2))
            let raw = try await RawHTTPClient.exchange(
                host: "127.0.0.1", port: sandbox.port, from: "127.0.0.1",
                request: Array(
                    ("POST /api/v1/products/bulk-check HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(tokens.access)\r\n"
                        + "Content-Length: 2\r\n\r\n{}").utf8))
            #expect(raw.raw.isEmpty)
            await #expect(throws: (any Error).self) {
                _ = try await client.send(
                    .POST, "/products/bulk-check", token: tokens.access, json: ["barcodes": ["1"]])
            }
            #expect(
                sandbox.ledger().suffix(2).allSatisfy { $0.fault == "close_connection" && $0.creditsDebited == .zero })
        }
    }

    @Test("On an image URL, non-image bytes and a cut body are delivered and consume the signed URL")
    func imageFaults() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            func url() async throws -> String {
                try #require(
                    try await client.send(
                        .GET, "/products/017000161563?include=images&variants=front", token: tokens.access
                    )
                    .json?["images"]?["front"]?.stringValue)
            }
            sandbox.faults.add(FaultRule(.nonImageBytes, target: .imageDelivery, count: 1))
            let htmlURL = try await url()
            let html = try await client.send(url: htmlURL)
            #expect(html.status == 200)
            #expect(html.header("Content-Type") == "image/jpeg")
            #expect(html.text.hasPrefix("<html>"))
            #expect(try await client.send(url: htmlURL).errorCode == "signed_url_consumed")

            sandbox.faults.add(FaultRule(.truncatedBody, target: .imageDelivery, count: 1))
            let cutURL = try await url()
            let path = String(cutURL.dropFirst(sandbox.retailDigitalsBaseURL.count - "/api/v1".count))
            let cut = try await RawHTTPClient.get(port: sandbox.port, target: path)
            let full = try #require(
                sandbox.imageBytes(barcode: "017000161563", variant: .front, clientID: "rd_client_sandbox"))
            #expect(cut.header("Content-Length") == String(full.count))
            #expect(cut.body.count < full.count)
            #expect(Array(full.prefix(cut.body.count)) == cut.body)
            #expect(try await client.send(url: cutURL).errorCode == "signed_url_consumed")
        }
    }

    @Test("A rule for one client leaves other clients alone")
    func clientTargeting() async throws {
        var configuration = SandboxTesting.configuration(products: 5)
        configuration.clients.append(SandboxClientAccount(id: "rd_client_other", apiKey: "sk_test_other"))
        try await SandboxTesting.withSandbox(configuration) { sandbox, client in
            let mine = try await client.token()
            let theirs = try await client.token(clientID: "rd_client_other", apiKey: "sk_test_other")
            sandbox.faults.add(FaultRule(.serverError(), clientID: "rd_client_other"))
            #expect(try await client.send(.GET, "/balance", token: mine.access).status == 200)
            #expect(try await client.send(.GET, "/balance", token: theirs.access).status == 503)
            let auth = try await client.send(
                .POST, "/auth/token", json: ["client_id": "rd_client_other", "api_key": "x"])
            #expect(auth.status == 503)
            sandbox.faults.clear()
            #expect(try await client.send(.GET, "/balance", token: theirs.access).status == 200)
        }
    }

    @Test("Fault decisions are deterministic under the fault seed")
    func deterministic() async throws {
        func pattern(seed: UInt64) async throws -> [Int] {
            var configuration = SandboxTesting.configuration(products: 5)
            configuration.faultSeed = seed
            return try await SandboxTesting.withSandbox(configuration) { sandbox, client in
                let tokens = try await client.token()
                sandbox.faults.add(FaultRule(.serverError(), target: .balance, probability: 0.5))
                var statuses: [Int] = []
                for _ in 0..<24 {
                    statuses.append(try await client.send(.GET, "/balance", token: tokens.access).status)
                }
                return statuses
            }
        }
        let first = try await pattern(seed: 42)
        #expect(try await pattern(seed: 42) == first)
        #expect(first.contains(200) && first.contains(503))
    }
}
