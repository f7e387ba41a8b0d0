import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@Suite("Retail Digitals sandbox: refresh rotation, reuse detection, revocation")
struct SandboxTokenFamilyTests {
    @Test("A refresh returns a new access and refresh token; the old refresh token is consumed")
    func rotation() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let first = try await client.token()
            let refreshed = try await client.send(
                .POST, "/auth/refresh", json: ["refresh_token": .string(first.refresh)])
            #expect(refreshed.status == 200)
            let json = try #require(refreshed.json)
            let access = try #require(json["access_token"]?.stringValue)
            let refresh = try #require(json["refresh_token"]?.stringValue)
            #expect(refresh != first.refresh)
            #expect(json["expires_in"]?.intValue == 3600)
            #expect(try await client.send(.GET, "/balance", token: access).status == 200)
            #expect(try await client.send(.GET, "/balance", token: first.access).status == 200)
        }
    }

    @Test("Reusing a consumed refresh token is 401 refresh_token_reused and revokes every token of the family")
    func reuseRevokesFamily() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let first = try await client.token()
            let other = try await client.token()
            let second = try #require(
                try await client.send(.POST, "/auth/refresh", json: ["refresh_token": .string(first.refresh)]).json)
            let secondAccess = try #require(second["access_token"]?.stringValue)
            let secondRefresh = try #require(second["refresh_token"]?.stringValue)

            let reused = try await client.send(.POST, "/auth/refresh", json: ["refresh_token": .string(first.refresh)])
            #expect(reused.status == 401)
            #expect(reused.errorCode == "refresh_token_reused")

            #expect(try await client.send(.GET, "/balance", token: first.access).errorCode == "invalid_token")
            #expect(try await client.send(.GET, "/balance", token: secondAccess).errorCode == "invalid_token")
            let descendant = try await client.send(
                .POST, "/auth/refresh", json: ["refresh_token": .string(secondRefresh)])
            #expect(descendant.errorCode == "refresh_token_reused")
            // Another family of the same client is untouched.
            #expect(try await client.send(.GET, "/balance", token: other.access).status == 200)
        }
    }

    @Test("An unknown or expired refresh token is 401 refresh_token_invalid")
    func invalidRefresh() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let unknown = try await client.send(.POST, "/auth/refresh", json: ["refresh_token": "rt_nope"])
            #expect(unknown.status == 401)
            #expect(unknown.errorCode == "refresh_token_invalid")
            let tokens = try await client.token()
            sandbox.clock.advance(by: .seconds(90 * 86_400))
            let expired = try await client.send(
                .POST, "/auth/refresh", json: ["refresh_token": .string(tokens.refresh)])
            #expect(expired.errorCode == "refresh_token_invalid")
            let malformed = try await client.send(.POST, "/auth/refresh", json: ["token": "x"])
            #expect(malformed.status == 400)
        }
    }

    @Test("After /auth/revoke the access token is invalid_token and the refresh token refresh_token_invalid")
    func revoke() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let tokens = try await client.token()
            let revoked = try await client.send(
                .POST, "/auth/revoke", token: tokens.access, json: ["refresh_token": .string(tokens.refresh)])
            #expect(revoked.status == 200)
            #expect(revoked.json?["revoked"]?.boolValue == true)
            #expect(revoked.json?["meta"]?["credits_debited"]?.creditsValue == .zero)
            #expect(revoked.header("X-Credits-Remaining") != nil)
            #expect(revoked.header("X-RateLimit-Remaining-Minute") == "60", "/auth/* does not count")
            #expect(try await client.send(.GET, "/balance", token: tokens.access).errorCode == "invalid_token")
            let refresh = try await client.send(
                .POST, "/auth/refresh", json: ["refresh_token": .string(tokens.refresh)])
            #expect(refresh.errorCode == "refresh_token_invalid")
        }
    }

    @Test("A revoke retried with its Idempotency-Key replays the stored answer even though the token is now revoked")
    func revokeReplay() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let tokens = try await client.token()
            let key = [("Idempotency-Key", "revoke-0123456789-abcdef")]
            let first = try await client.send(.POST, "/auth/revoke", token: tokens.access, headers: key, json: [:])
            #expect(first.status == 200)
            let again = try await client.send(.POST, "/auth/revoke", token: tokens.access, headers: key, json: [:])
            #expect(again.status == 200)
            #expect(again.body == first.body)
            #expect(again.header("Idempotency-Replayed") == "1")
            #expect(again.header("X-Credits-Debited") == "0")
            let short = try await client.send(
                .POST, "/auth/revoke", token: try await client.token().access, headers: [("Idempotency-Key", "short")],
                json: [:])
            #expect(short.status == 400)
        }
    }

    @Test("/auth/token and /auth/refresh are each throttled at 10 per minute per IP, with Retry-After")
    func authThrottle() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            var statuses: [Int] = []
            for _ in 0..<11 {
                statuses.append(
                    try await client.send(.POST, "/auth/token", json: ["client_id": "x", "api_key": "y"]).status)
            }
            #expect(statuses == Array(repeating: 401, count: 10) + [429])
            let throttled = try await client.send(.POST, "/auth/token", json: ["client_id": "x", "api_key": "y"])
            #expect(throttled.errorCode == "rate_limited")
            // The manual clock stands at :00 of a minute, so the window ends 60 s later.
            #expect(throttled.header("Retry-After") == "60")
            // The refresh endpoint has its own budget.
            let refresh = try await client.send(.POST, "/auth/refresh", json: ["refresh_token": "rt_x"])
            #expect(refresh.errorCode == "refresh_token_invalid")
            // From another IP the token endpoint still answers.
            let raw = try await RawHTTPClient.exchange(
                host: "127.0.0.1", port: sandbox.port, from: "127.0.0.2",
                request: Array(
                    ("POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}")
                        .utf8))
            #expect(raw.status == 400)
            sandbox.clock.advance(by: .seconds(60))
            #expect(
                try await client.send(.POST, "/auth/token", json: ["client_id": "x", "api_key": "y"]).status == 401)
        }
    }
}
