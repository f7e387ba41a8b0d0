import Core
import Foundation
import TestSupport
import Testing

@testable import Lookup

/// The loopback TCP listener refuses what a web page could send it; the Unix socket is unchanged.
@Suite("The TCP listener against web pages")
struct TCPPolicyTests {
    static let shelfBody = Array(#"{"products":[{"barcode":"017000161563","price":1.99}]}"#.utf8)

    @Test("Cross-origin and rebinding writes over TCP get a 4xx and queue nothing; TCP lookups still answer")
    func webPagesRefused() async throws {
        try await LookupHarness.run(configure: { $0.tcp = .init(host: "127.0.0.1", port: 0) }) { harness in
            let tcp = SocketHTTP.Endpoint.tcp(host: "127.0.0.1", port: try #require(harness.server.tcpPort))
            let json = ("Content-Type", "application/json")
            let cases: [(String, [(String, String)], Int)] = [
                ("/v1/shelf/products", [json, ("Origin", "http://shop.example")], 403),
                ("/v1/sync", [json, ("Origin", "null")], 403),
                ("/v1/shelf/products", [json, ("Host", "rebind.example:8080")], 403),
                ("/v1/sync", [("Content-Type", "text/plain")], 415),
                ("/v1/shelf/products", [], 415),
            ]
            for (path, headers, status) in cases {
                let answer = try await SocketHTTP.request(
                    tcp, "POST", path, headers: headers, body: Self.shelfBody)
                #expect(answer.status == status, "\(path) \(headers)")
            }
            // A DNS rebinding page reaches 127.0.0.1 under its own name: one Host header, not ours.
            let rebinding = Array(
                ("POST /v1/sync HTTP/1.1\r\nHost: rebind.example\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n{}").utf8)
            let rebound = try await SocketHTTP.exchange(tcp, chunks: [rebinding], expecting: 1)
            #expect(rebound.responses.first?.status == 403)
            #expect(harness.backend.writes == 0)
            harness.backend.addCatalog("017000161563", name: "Cereal", cents: 199)
            let lookup = try await SocketHTTP.request(tcp, "GET", "/v1/products/017000161563")
            #expect(lookup.status == 200)
            let allowed = try await SocketHTTP.request(
                tcp, "POST", "/v1/shelf/products", headers: [("Content-Type", "application/json; charset=utf-8")],
                body: Self.shelfBody)
            #expect(allowed.status == 202)
            // The Unix socket's rules are its file mode and group: no Content-Type needed there.
            let unix = try await SocketHTTP.request(harness.socket, "POST", "/v1/sync", body: [])
            #expect(unix.status == 202)
            #expect(harness.backend.writes == 2)
        }
    }

    @Test("Host names are read with or without a port, IPv6 in brackets")
    func hostNames() {
        #expect(TCPRequestPolicy.hostName("LocalHost:8080") == "localhost")
        #expect(TCPRequestPolicy.hostName("[::1]:9") == "::1")
        #expect(TCPRequestPolicy.hostName("127.0.0.1") == "127.0.0.1")
        #expect(TCPRequestPolicy.isJSON("application/json; charset=utf-8"))
        #expect(!TCPRequestPolicy.isJSON("application/jsonx"))
        #expect(!TCPRequestPolicy.isJSON(nil))
    }
}
