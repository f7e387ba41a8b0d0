import Foundation
import Lookup
import TestSupport
import Testing

/// Request bodies: `Expect: 100-continue`, and a chunked body over the limit.
@Suite("Request bodies on the socket")
struct BodyProtocolTests {
    @Test("Expect: 100-continue is answered before the body is sent, and the body then lands")
    func expectContinue() async throws {
        try await LookupHarness.run { harness in
            let body = Array(#"{"products":[{"barcode":"017000161563","price":1.99}]}"#.utf8)
            let head = Array(
                ("POST /v1/shelf/products HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(body.count)\r\nExpect: 100-continue\r\n\r\n").utf8)
            // Only the head: a server that ignores Expect answers nothing until the body comes.
            let waiting = try await SocketHTTP.exchange(harness.socket, chunks: [head], expecting: 1)
            #expect(waiting.responses.map(\.status) == [100])
            let full = try await SocketHTTP.exchange(
                harness.socket, chunks: [head, body], pause: .milliseconds(50), expecting: 2)
            #expect(full.responses.map(\.status) == [100, 202])
            #expect(harness.backend.writes == 1)
        }
    }

    @Test("A chunked body that crosses the limit gets 413 at once and the connection closes")
    func chunkedOverLimit() async throws {
        try await LookupHarness.run(configure: { $0.maxBodyBytes = 1024 }) { harness in
            let head = Array(
                ("POST /v1/shelf/products HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").utf8)
            let chunk = Array("800\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 2048) + Array("\r\n".utf8)
            // The body never ends: only an answer at the crossing can come back.
            let outcome = try await SocketHTTP.exchange(harness.socket, chunks: [head, chunk], expecting: 1)
            #expect(outcome.responses.map(\.status) == [413])
            #expect(outcome.responses.first?.header("connection")?.lowercased() == "close")
            #expect(harness.backend.writes == 0)
        }
    }
}
