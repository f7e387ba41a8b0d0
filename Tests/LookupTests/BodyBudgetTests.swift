import Foundation
import Lookup
import TestSupport
import Testing

/// The bytes of request bodies buffered at once are bounded across all connections.
@Suite("The process-wide body budget")
struct BodyBudgetTests {
    static let post = "POST /v1/shelf/products HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"

    @Test(
        "A body that does not fit the budget gets 503 busy at once and its connection closes; closing gives the bytes back"
    )
    func spentBudget() async throws {
        try await LookupHarness.run(configure: {
            $0.bodyBudgetBytes = 8192
            $0.maxBodyBytes = 6000
        }) { harness in
            // A slow POST holds 5,000 bytes of its 6,000 and sends nothing more.
            let slow = try #require(RawUnixConnection(path: harness.configuration.socketPath))
            let head = Array((Self.post + "Content-Length: 6000\r\n\r\n").utf8)
            #expect(slow.send(head + [UInt8](repeating: UInt8(ascii: " "), count: 5000)))
            try await eventually("the slow body to be buffered") { harness.server.bufferedBodyBytes >= 5000 }

            let body = [UInt8](repeating: UInt8(ascii: " "), count: 4000)
            let refused = try await SocketHTTP.request(
                harness.socket, "POST", "/v1/shelf/products", headers: [("Content-Type", "application/json")],
                body: body)
            #expect(refused.status == 503)
            #expect(String(decoding: refused.body, as: UTF8.self).contains(#""code":"busy""#))
            #expect(refused.header("connection")?.lowercased() == "close")
            #expect(harness.backend.writes == 0)

            slow.close()
            try await eventually("the closed connection's bytes to come back") { harness.server.bufferedBodyBytes == 0 }
            let accepted = try await SocketHTTP.request(
                harness.socket, "POST", "/v1/shelf/products", headers: [("Content-Type", "application/json")],
                body: body)
            #expect(accepted.status == 202)
            #expect(harness.backend.writes == 1)
        }
    }

    @Test("An answered request gives its body's bytes back, so bodies in turn never spend the budget")
    func answeredReleases() async throws {
        try await LookupHarness.run(configure: {
            $0.bodyBudgetBytes = 8192
            $0.maxBodyBytes = 6000
        }) { harness in
            let body = [UInt8](repeating: UInt8(ascii: " "), count: 5000)
            let request = SocketHTTP.requestBytes(
                "POST", "/v1/shelf/products", headers: [("Content-Type", "application/json")], body: body)
            // Ten on one keep-alive connection: 50,000 bytes in all through an 8 KiB budget.
            let outcome = try await SocketHTTP.exchange(
                harness.socket, chunks: Array(repeating: request, count: 10), expecting: 10, timeout: .seconds(60))
            #expect(outcome.responses.map(\.status) == Array(repeating: 202, count: 10))
            #expect(harness.server.bufferedBodyBytes == 0)
        }
    }
}
