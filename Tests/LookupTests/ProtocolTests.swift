import Core
import Foundation
import TestSupport
import Testing

@Suite("HTTP on the socket: keep-alive, control routes, errors")
struct ProtocolTests {
    @Test("Pipelined keep-alive requests are answered in order on one connection")
    func pipelining() async throws {
        try await LookupHarness.run { harness in
            try await harness.seed("017000161563")
            let requests =
                SocketHTTP.requestBytes("GET", "/v1/products/017000161563")
                + SocketHTTP.requestBytes("GET", "/v1/products/030772095355")
                + SocketHTTP.requestBytes("GET", "/healthz")
            let outcome = try await SocketHTTP.exchange(harness.socket, chunks: [requests], expecting: 3)
            #expect(outcome.responses.map(\.status) == [200, 404, 200])
            #expect(!outcome.closedByServer)
        }
    }

    @Test("Control routes reach the backend and answer JSON; wrong methods get 405 with Allow")
    func controlRoutes() async throws {
        try await LookupHarness.run { harness in
            let sync = try await SocketHTTP.request(
                harness.socket, "POST", "/v1/sync", body: Array(#"{"mode":"delta"}"#.utf8))
            #expect(sync.status == 202)
            let run = try await harness.get("/v1/sync/1")
            #expect(run.json?["state"] == "running")
            #expect(try await harness.get("/v1/sync/9").status == 404)
            #expect(try await harness.get("/v1/status").json?["version"] == "test")
            let metrics = try await harness.get("/metrics")
            #expect(metrics.raw.header("content-type")?.hasPrefix("text/plain") == true)
            let shelf = try await SocketHTTP.request(
                harness.socket, "POST", "/v1/shelf/products", body: Array(#"{"products":[]}"#.utf8))
            #expect(shelf.status == 202)
            let wrong = try await SocketHTTP.request(harness.socket, "DELETE", "/v1/products/017000161563")
            #expect(wrong.status == 405)
            #expect(wrong.header("allow") == "GET, HEAD")
            #expect(try await harness.get("/nowhere").status == 404)
            #expect(try await harness.get("/healthz").json?["status"] == "ok")
        }
    }

    @Test("Malformed HTTP gets a clear 400 and the connection closes")
    func malformed() async throws {
        try await LookupHarness.run { harness in
            let outcome = try await SocketHTTP.exchange(
                harness.socket, chunks: [Array("GARBAGE\r\n\r\n".utf8)], expecting: 1)
            #expect(outcome.responses.first?.status == 400)
            let json = try outcome.responses.first.map { try JSONValue(parsing: $0.body) }
            #expect(json?["error"]?["code"] == "bad_request")
        }
    }

    @Test("Oversized request lines, headers and bodies are refused with 414, 431 and 413")
    func limits() async throws {
        try await LookupHarness.run { harness in
            let longURI = "/v1/products/" + String(repeating: "1", count: 4000)
            #expect(try await harness.get(longURI).status == 414)
            let hugeHeader = [("X-Filler", String(repeating: "a", count: 100_000))]
            let headerOutcome = try await SocketHTTP.exchange(
                harness.socket, chunks: [SocketHTTP.requestBytes("GET", "/healthz", headers: hugeHeader)], expecting: 1)
            #expect(headerOutcome.responses.first?.status == 431)
            let big = [UInt8](repeating: 0x20, count: 5 << 20)
            let response = try await SocketHTTP.request(harness.socket, "POST", "/v1/shelf/products", body: big)
            #expect(response.status == 413)
        }
    }

    @Test("A body on a GET is read and ignored")
    func bodyOnGet() async throws {
        try await LookupHarness.run { harness in
            let response = try await SocketHTTP.request(
                harness.socket, "GET", "/healthz", body: Array(repeating: 0x41, count: 10_000))
            #expect(response.status == 200)
        }
    }
}
