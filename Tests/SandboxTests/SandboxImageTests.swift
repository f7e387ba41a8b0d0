import Core
import Crypto
import Foundation
import Sandbox
import TestSupport
import Testing

@Suite("Retail Digitals sandbox: signed image URLs and the image redirect")
struct SandboxImageTests {
    /// The path of an absolute signed URL, for the raw client.
    func target(_ url: String) throws -> String {
        let afterScheme = try #require(url.range(of: "://")).upperBound
        let slash = try #require(url[afterScheme...].firstIndex(of: "/"))
        return String(url[slash...])
    }

    func signedURL(
        _ client: SandboxTestClient, _ token: String, barcode: String = "017000161563", variant: String = "front"
    ) async throws -> String {
        let response = try await client.send(
            .GET, "/products/\(barcode)?include=images&variants=\(variant)", token: token)
        return try #require(response.json?["images"]?[variant]?.stringValue)
    }

    @Test("A signed URL is bound to the requesting IP: 403 from 127.0.0.2, then once from 127.0.0.1, then 410")
    func ipBindingAndSingleUse() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let url = try await signedURL(client, tokens.access)
            let path = try target(url)
            let elsewhere = try await RawHTTPClient.get(port: sandbox.port, target: path, from: "127.0.0.2")
            #expect(elsewhere.status == 403)
            let mismatch = try JSONValue(parsing: elsewhere.body)
            #expect(mismatch["error"]?["code"]?.stringValue == "signed_url_ip_mismatch")
            #expect(mismatch["error"]?["request_id"]?.stringValue == elsewhere.header("X-Request-ID"))

            let image = try await RawHTTPClient.get(port: sandbox.port, target: path, from: "127.0.0.1")
            #expect(image.status == 200)
            #expect(image.header("Content-Type") == "image/jpeg")
            #expect(image.header("X-Watermarked") == "1")
            #expect(image.header("Content-Length") == String(image.body.count))
            #expect(image.header("X-Credits-Remaining") == nil)
            #expect(Array(image.body.prefix(2)) == [0xFF, 0xD8])
            #expect(Array(image.body.suffix(2)) == [0xFF, 0xD9])
            #expect(
                image.body
                    == sandbox.imageBytes(barcode: "017000161563", variant: .front, clientID: "rd_client_sandbox"))
            let digest = SHA256.hash(data: image.body).map { String(format: "%02x", $0) }.joined()
            #expect(
                digest == sandbox.imageSHA256(barcode: "017000161563", variant: .front, clientID: "rd_client_sandbox"))

            let again = try await RawHTTPClient.get(port: sandbox.port, target: path, from: "127.0.0.1")
            #expect(again.status == 410)
            #expect(try JSONValue(parsing: again.body)["error"]?["code"]?.stringValue == "signed_url_consumed")
            let ledger = sandbox.ledger().filter { $0.endpoint == "GET /image/{token}" }
            #expect(ledger.map(\.status) == [403, 200, 410])
            #expect(ledger.allSatisfy { $0.path == "/api/v1/image/[redacted]" && !$0.countedForRateLimit })
            #expect(ledger.allSatisfy { $0.clientID == "rd_client_sandbox" && $0.barcode == "017000161563" })
        }
    }

    @Test("A signed URL expires 15 minutes after it was issued (410 signed_url_expired)")
    func expiry() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let early = try await signedURL(client, tokens.access)
            let late = try await signedURL(client, tokens.access)
            sandbox.clock.advance(by: .seconds(15 * 60 - 1))
            #expect(try await client.send(url: early).status == 200)
            sandbox.clock.advance(by: .seconds(1))
            let expired = try await client.send(url: late)
            #expect(expired.status == 410)
            #expect(expired.errorCode == "signed_url_expired")
        }
    }

    @Test("*_clean variants are PNG; each client gets its own watermark; one client always the same bytes")
    func bytesPerClient() async throws {
        var configuration = SandboxTesting.configuration(products: 5)
        configuration.clients.append(SandboxClientAccount(id: "rd_client_other", apiKey: "sk_test_other"))
        try await SandboxTesting.withSandbox(configuration) { sandbox, client in
            let mine = try await client.token()
            let theirs = try await client.token(clientID: "rd_client_other", apiKey: "sk_test_other")
            let png = try await client.send(url: try await signedURL(client, mine.access, variant: "front_clean"))
            #expect(png.header("Content-Type") == "image/png")
            #expect(Array(png.body.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            let first = try await client.send(url: try await signedURL(client, mine.access)).body
            let second = try await client.send(url: try await signedURL(client, mine.access)).body
            let other = try await client.send(url: try await signedURL(client, theirs.access)).body
            #expect(first == second)
            #expect(first != other)
            #expect(other == sandbox.imageBytes(barcode: "017000161563", variant: .front, clientID: "rd_client_other"))
        }
    }

    @Test("Changing a product's images gives new bytes; a URL issued before still delivers the old version")
    func newVersion() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let oldURL = try await signedURL(client, tokens.access)
            let oldHash = sandbox.imageSHA256(barcode: "017000161563", variant: .front, clientID: "rd_client_sandbox")
            sandbox.updateProduct("017000161563", changeImages: true)
            #expect(sandbox.product("017000161563")?.imageVersions[.front] == 2)
            let newHash = sandbox.imageSHA256(barcode: "017000161563", variant: .front, clientID: "rd_client_sandbox")
            #expect(newHash != oldHash)
            let old = try await client.send(url: oldURL).body
            let new = try await client.send(url: try await signedURL(client, tokens.access)).body
            #expect(SHA256.hash(data: old).map { String(format: "%02x", $0) }.joined() == oldHash)
            #expect(SHA256.hash(data: new).map { String(format: "%02x", $0) }.joined() == newHash)
        }
    }

    @Test("A token the API did not sign is 404; HEAD on a signed URL checks it without consuming it")
    func forgedAndHead() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let tokens = try await client.token()
            #expect(try await client.send(.GET, "/image/eyJiIjoiMSJ9.AAAA").status == 404)
            let url = try await signedURL(client, tokens.access)
            let head = try await client.send(url: url, .HEAD)
            #expect(head.status == 200)
            #expect(head.header("Content-Type") == "image/jpeg")
            #expect(try await client.send(url: url).status == 200)
        }
    }

    @Test("The redirect answers 302 to a fresh signed URL for 1 credit, with full headers; a missing variant is 404")
    func redirect() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let response = try await client.send(
                .GET, "/products/017000161563/image?variant=front_clean", token: tokens.access)
            #expect(response.status == 302)
            let location = try #require(response.header("Location"))
            #expect(location.hasPrefix(sandbox.retailDigitalsBaseURL + "/image/"))
            #expect(response.header("X-Credits-Debited") == "1")
            #expect(response.header("X-RateLimit-Remaining-Minute") == "59")
            let image = try await client.send(url: location)
            #expect(image.status == 200)
            #expect(image.header("Content-Type") == "image/png")
            let defaulted = try await client.send(.GET, "/products/017000161563/image", token: tokens.access)
            #expect(defaulted.status == 302)
            let missing = try await client.send(.GET, "/products/017000161563/image?variant=back", token: tokens.access)
            #expect(missing.status == 404)
            #expect(missing.header("X-Credits-Debited") == "0")
            #expect(sandbox.credits(of: "rd_client_sandbox") == Credits(9_998))
        }
    }

    @Test("A redirect asked for from 127.0.0.2 is bound to 127.0.0.2")
    func redirectFromOtherIP() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let redirect = try await RawHTTPClient.get(
                port: sandbox.port, target: "/api/v1/products/017000161563/image?variant=front", from: "127.0.0.2",
                headers: [("Authorization", "Bearer \(tokens.access)")])
            #expect(redirect.status == 302)
            let path = try target(try #require(redirect.header("Location")))
            #expect(try await RawHTTPClient.get(port: sandbox.port, target: path, from: "127.0.0.1").status == 403)
            #expect(try await RawHTTPClient.get(port: sandbox.port, target: path, from: "127.0.0.2").status == 200)
        }
    }
}
