import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@Suite("Retail Digitals sandbox: authentication")
struct SandboxAuthTests {
    @Test("POST /auth/token returns an HS256 JWT with sub/iat/exp/jti, a refresh token, Bearer and expires_in")
    func tokenShape() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let response = try await client.send(
                .POST, "/auth/token", json: ["client_id": "rd_client_sandbox", "api_key": "sk_test_sandbox"])
            #expect(response.status == 200)
            let json = try #require(response.json)
            #expect(json["token_type"]?.stringValue == "Bearer")
            #expect(json["expires_in"]?.intValue == 3600)
            #expect(json["refresh_token"]?.stringValue?.hasPrefix("rt_") == true)
            let parts = try #require(json["access_token"]?.stringValue).split(separator: ".")
            #expect(parts.count == 3)
            let header = try JSONValue(parsing: try #require(base64URL(parts[0])))
            #expect(header["alg"]?.stringValue == "HS256")
            let claims = try JSONValue(parsing: try #require(base64URL(parts[1])))
            #expect(claims["sub"]?.stringValue == "rd_client_sandbox")
            #expect(claims["iat"]?.intValue == Int(SandboxTesting.start.timeIntervalSince1970))
            #expect(claims["exp"]?.intValue == Int(SandboxTesting.start.timeIntervalSince1970) + 3600)
            #expect(claims["jti"]?.stringValue?.isEmpty == false)
        }
    }

    @Test("Unauthenticated answers carry Content-Type and X-Request-ID but none of the credit or rate-limit headers")
    func unauthenticatedHeaders() async throws {
        try await SandboxTesting.withSandbox { _, client in
            for response in [
                try await client.send(
                    .POST, "/auth/token", json: ["client_id": "rd_client_sandbox", "api_key": "nope"]),
                try await client.send(.GET, "/health"),
                try await client.send(.GET, "/balance"),
            ] {
                #expect(response.header("Content-Type") == "application/json; charset=utf-8")
                #expect(response.header("X-Request-ID")?.hasPrefix("req_") == true)
                #expect(response.header("X-Credits-Remaining") == nil)
                #expect(response.header("X-RateLimit-Remaining-Minute") == nil)
            }
        }
    }

    @Test("Wrong credentials are 401 invalid_credentials with request_id in the error body")
    func invalidCredentials() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let wrongKey = try await client.send(
                .POST, "/auth/token", json: ["client_id": "rd_client_sandbox", "api_key": "sk_wrong"])
            #expect(wrongKey.status == 401)
            #expect(wrongKey.errorCode == "invalid_credentials")
            #expect(wrongKey.json?["error"]?["request_id"]?.stringValue == wrongKey.header("X-Request-ID"))
            let unknown = try await client.send(.POST, "/auth/token", json: ["client_id": "nobody", "api_key": "x"])
            #expect(unknown.errorCode == "invalid_credentials")
            let malformed = try await client.send(.POST, "/auth/token", body: Array("{not json".utf8))
            #expect(malformed.status == 400)
            #expect(malformed.errorCode == "bad_request")
        }
    }

    @Test("A missing, malformed or forged access token is 401 invalid_token; an expired one is 401 token_expired")
    func accessTokenChecks() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            #expect(try await client.send(.GET, "/balance").errorCode == "invalid_token")
            #expect(try await client.send(.GET, "/balance", token: "garbage").errorCode == "invalid_token")
            let parts = tokens.access.split(separator: ".")
            let forged = "\(parts[0]).\(parts[1]).AAAA\(parts[2].dropFirst(4))"
            #expect(try await client.send(.GET, "/balance", token: forged).errorCode == "invalid_token")
            #expect(try await client.send(.GET, "/balance", token: tokens.access).status == 200)
            sandbox.clock.advance(by: .seconds(3599))
            #expect(try await client.send(.GET, "/balance", token: tokens.access).status == 200)
            sandbox.clock.advance(by: .seconds(1))
            let expired = try await client.send(.GET, "/balance", token: tokens.access)
            #expect(expired.status == 401)
            #expect(expired.errorCode == "token_expired")
        }
    }

    @Test("The access-token lifetime is configurable and reported as expires_in")
    func configurableLifetime() async throws {
        var configuration = SandboxTesting.configuration(products: 5)
        configuration.accessTokenLifetime = .seconds(120)
        try await SandboxTesting.withSandbox(configuration) { sandbox, client in
            let response = try await client.send(
                .POST, "/auth/token", json: ["client_id": "rd_client_sandbox", "api_key": "sk_test_sandbox"])
            #expect(response.json?["expires_in"]?.intValue == 120)
            let token = try #require(response.json?["access_token"]?.stringValue)
            sandbox.clock.advance(by: .seconds(120))
            #expect(try await client.send(.GET, "/balance", token: token).errorCode == "token_expired")
        }
    }

    @Test("A disabled client gets 403 client_disabled on /auth/token and on calls with a token issued before")
    func disabledClient() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            sandbox.setClientDisabled("rd_client_sandbox", true)
            let call = try await client.send(.GET, "/products/017000161563", token: tokens.access)
            #expect(call.status == 403)
            #expect(call.errorCode == "client_disabled")
            #expect(call.header("X-RateLimit-Remaining-Minute") != nil)
            let auth = try await client.send(
                .POST, "/auth/token", json: ["client_id": "rd_client_sandbox", "api_key": "sk_test_sandbox"])
            #expect(auth.status == 403)
            #expect(auth.errorCode == "client_disabled")
            let refresh = try await client.send(
                .POST, "/auth/refresh", json: ["refresh_token": .string(tokens.refresh)])
            #expect(refresh.errorCode == "client_disabled")
            sandbox.setClientDisabled("rd_client_sandbox", false)
            #expect(try await client.send(.GET, "/balance", token: tokens.access).status == 200)
        }
    }

    @Test("A client with an IP allowlist gets 403 ip_not_allowed from other IPs, on auth and on calls")
    func ipAllowlist() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            var account = try #require(sandbox.account("rd_client_sandbox"))
            account.ipAllowlist = ["10.1.2.3"]
            sandbox.setAccount(account)
            #expect(try await client.send(.GET, "/balance", token: tokens.access).errorCode == "ip_not_allowed")
            let auth = try await client.send(
                .POST, "/auth/token", json: ["client_id": "rd_client_sandbox", "api_key": "sk_test_sandbox"])
            #expect(auth.errorCode == "ip_not_allowed")
            account.ipAllowlist = ["127.0.0.1"]
            sandbox.setAccount(account)
            #expect(try await client.send(.GET, "/balance", token: tokens.access).status == 200)
        }
    }

    private func base64URL(_ text: Substring) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
