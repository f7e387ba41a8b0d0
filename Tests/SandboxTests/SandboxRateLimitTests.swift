import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@Suite("Retail Digitals sandbox: per-client minute and day budgets")
struct SandboxRateLimitTests {
    func configuration(rpm: Int, rpd: Int) -> SandboxConfiguration {
        var configuration = SandboxTesting.configuration(products: 5)
        configuration.clients = [
            SandboxClientAccount(
                id: "rd_client_sandbox", apiKey: "sk_test_sandbox", requestsPerMinute: rpm, requestsPerDay: rpd)
        ]
        return configuration
    }

    @Test("X-RateLimit-Remaining-* fall by exactly one per counted request, free and failing ones included")
    func fallsByOne() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let tokens = try await client.token()
            let paths = [
                "/balance", "/products?per_page=1", "/products/036000291452", "/products/1", "/account", "/pricing",
            ]
            var previous: (minute: Int, day: Int)?
            for path in paths {
                let response = try await client.send(.GET, path, token: tokens.access)
                #expect(response.header("X-RateLimit-Limit-Minute") == "60")
                #expect(response.header("X-RateLimit-Limit-Day") == "10000")
                let minute = try #require(response.header("X-RateLimit-Remaining-Minute").flatMap { Int($0) })
                let day = try #require(response.header("X-RateLimit-Remaining-Day").flatMap { Int($0) })
                if let previous {
                    #expect(minute == previous.minute - 1, "\(path)")
                    #expect(day == previous.day - 1, "\(path)")
                } else {
                    #expect(minute == 59)
                    #expect(day == 9_999)
                }
                previous = (minute, day)
            }
            // Auth calls and image downloads do not count.
            _ = try await client.token()
            let url = try #require(
                try await client.send(
                    .GET, "/products/017000161563?include=images&variants=front", token: tokens.access
                )
                .json?["images"]?["front"]?.stringValue)
            _ = try await client.send(url: url)
            let after = try await client.send(.GET, "/balance", token: tokens.access)
            #expect(after.header("X-RateLimit-Remaining-Minute") == String(previous!.minute - 2))
        }
    }

    @Test("The minute budget spent gives 429 rate_limited with Retry-After to the window's end; 429s do not count")
    func minuteWindow() async throws {
        try await SandboxTesting.withSandbox(configuration(rpm: 5, rpd: 100)) { sandbox, client in
            let tokens = try await client.token()
            sandbox.clock.advance(by: .seconds(45))
            for _ in 0..<5 { #expect(try await client.send(.GET, "/balance", token: tokens.access).status == 200) }
            let limited = try await client.send(.GET, "/balance", token: tokens.access)
            #expect(limited.status == 429)
            #expect(limited.errorCode == "rate_limited")
            #expect(limited.header("Retry-After") == "15")
            #expect(limited.header("X-RateLimit-Remaining-Minute") == "0")
            #expect(limited.header("X-RateLimit-Remaining-Day") == "95")
            #expect(limited.header("X-RateLimit-Reset") == String(Int(SandboxTesting.start.timeIntervalSince1970) + 60))
            #expect(
                try await client.send(.GET, "/balance", token: tokens.access).header("X-RateLimit-Remaining-Day")
                    == "95")
            #expect(sandbox.ledger().last?.countedForRateLimit == false)
            sandbox.clock.advance(by: .seconds(15))
            let next = try await client.send(.GET, "/balance", token: tokens.access)
            #expect(next.status == 200)
            #expect(next.header("X-RateLimit-Remaining-Minute") == "4")
            #expect(next.header("X-RateLimit-Remaining-Day") == "94")
            #expect(next.header("X-RateLimit-Reset") == String(Int(SandboxTesting.start.timeIntervalSince1970) + 120))
        }
    }

    @Test("The day budget spent gives 429 with Retry-After until 00:00 UTC, and the next UTC day starts afresh")
    func dayWindow() async throws {
        try await SandboxTesting.withSandbox(configuration(rpm: 60, rpd: 3)) { sandbox, client in
            let tokens = try await client.token()
            for _ in 0..<3 { #expect(try await client.send(.GET, "/balance", token: tokens.access).status == 200) }
            let limited = try await client.send(.GET, "/balance", token: tokens.access)
            #expect(limited.status == 429)
            // 16:30:00Z → midnight is 7.5 hours away.
            #expect(limited.header("Retry-After") == "27000")
            #expect(limited.header("X-RateLimit-Remaining-Day") == "0")
            sandbox.clock.advance(by: .seconds(27_000))
            let tomorrow = try await client.send(.GET, "/balance", token: try await client.token().access)
            #expect(tomorrow.status == 200)
            #expect(tomorrow.header("X-RateLimit-Remaining-Day") == "2")
        }
    }
}
