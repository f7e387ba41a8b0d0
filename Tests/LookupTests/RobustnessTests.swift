import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@testable import Lookup

@Suite("The socket under hostile clients")
struct RobustnessTests {
    @Test("A request trickling in slower than the request timeout gets 408 and is closed")
    func slowLoris() async throws {
        try await LookupHarness.run(configure: { $0.requestTimeout = .milliseconds(300) }) { harness in
            let bytes = Array("GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n".utf8)
            let chunks = bytes.map { [$0] }
            let outcome = try await SocketHTTP.exchange(
                harness.socket, chunks: chunks, pause: .milliseconds(40), expecting: 1, timeout: .seconds(60))
            #expect(outcome.responses.first?.status == 408)
        }
    }

    @Test("An idle keep-alive connection is closed after the idle timeout")
    func idleTimeout() async throws {
        try await LookupHarness.run(configure: { $0.idleTimeout = .seconds(5) }) { harness in
            let outcome = try await SocketHTTP.exchange(
                harness.socket, chunks: [SocketHTTP.requestBytes("GET", "/healthz")], expecting: 2,
                timeout: .seconds(60)
            )
            #expect(outcome.responses.count == 1)
            #expect(outcome.closedByServer)
        }
    }

    @Test("Connections beyond the limit are answered 503 and closed; the others keep working")
    func connectionLimit() async throws {
        try await LookupHarness.run(configure: { $0.maxConnections = 4 }) { harness in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {  // hold four connections open until cancelled
                    group.addTask {
                        _ = try? await SocketHTTP.exchange(
                            harness.socket, chunks: [Array("GET /hea".utf8)], expecting: 1, timeout: .seconds(120))
                    }
                }
                try await eventually("four connections to be accepted") { harness.server.connections.count == 4 }
                let refused = try await harness.get("/healthz")
                #expect(refused.status == 503)
                #expect(refused.json?["error"]?["code"] == "too_many_connections")
                group.cancelAll()
            }
            try await eventually("the held connections to close") { harness.server.connections.count == 0 }
            #expect(try await harness.get("/healthz").status == 200)
        }
    }

    @Test("Ten thousand malformed requests leave the daemon answering correctly")
    func fuzz() async throws {
        try await LookupHarness.run { harness in
            try await harness.seed("017000161563")
            var generator = SeededRandom(seed: 42)
            let valid = SocketHTTP.requestBytes("GET", "/v1/products/017000161563")
            var inputs: [[UInt8]] = []
            for index in 0..<10_000 {
                var bytes = valid
                switch index % 5 {
                case 0:  // random bytes
                    bytes = (0..<Int(generator.next() % 200 + 1)).map { _ in UInt8(truncatingIfNeeded: generator.next())
                    }
                case 1:  // flipped bytes in a valid request
                    for _ in 0..<4 {
                        bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
                    }
                case 2:  // truncated then garbage
                    bytes =
                        Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count)))) + Array("\u{0}\r\n\r\n".utf8)
                case 3:  // absurd header values and methods
                    bytes = Array(
                        "\(["BREW", "GET", "P\u{7F}ST"][index % 3]) /v1/products/\(generator.next()) HTTP/9.9\r\nContent-Length: -\(index)\r\n\r\n"
                            .utf8)
                default:  // bad barcodes through valid HTTP
                    bytes = SocketHTTP.requestBytes("GET", "/v1/products/%\(generator.next() % 999)x", close: true)
                }
                inputs.append(bytes)
            }
            let batches = stride(from: 0, to: inputs.count, by: 250).map {
                Array(inputs[$0..<min($0 + 250, inputs.count)])
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for batch in batches {
                    group.addTask {
                        for bytes in batch {
                            _ = try? await SocketHTTP.exchange(
                                harness.socket, chunks: [bytes], expecting: 1, timeout: .seconds(2))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let (status, json, _) = try await harness.get("/v1/products/017000161563")
            #expect(status == 200)
            #expect(json?["source"] == "cache")
            #expect(harness.backend.liveCalls.count < 10_000)
        }
    }
}
