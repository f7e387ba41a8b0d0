import Core
import Foundation
import Lookup
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A client that pipelines requests and never reads cannot make answers pile up in memory.
@Suite("Outbound backpressure")
struct BackpressureTests {
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x42, count: 200_000) + [0xFF, 0xD9]

    @Test(
        "Pipelined image requests never read stop being answered, and the connection is closed after the idle timeout")
    func pipelinedNeverRead() async throws {
        try await LookupHarness.run(configure: { $0.idleTimeout = .seconds(5) }) { harness in
            try await harness.seed("017000161563", images: [.front: Self.jpeg])
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (index, byte) in harness.configuration.socketPath.utf8.enumerated() { raw[index] = byte }
            }
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
                }
            }
            try #require(connected)
            let requests = 500
            let one = Array("GET /v1/products/017000161563/images/front HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)
            let all = (0..<requests).flatMap { _ in one }
            let sent = all.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            #expect(sent == all.count)
            // Wait for the server to hang up (POLLRDHUP), without reading (reading would let it go on).
            var poller = pollfd(fd: fd, events: Int16(0x2000), revents: 0)
            var ready = poll(&poller, 1, 60_000)
            while ready < 0, errno == EINTR { ready = poll(&poller, 1, 60_000) }
            #expect(ready == 1, "the server never closed the connection")
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count <= 0 { break }
                received += buffer[..<count]
            }
            let answered = String(decoding: received, as: UTF8.self).components(separatedBy: "HTTP/1.1 200").count - 1
            // What fits in the kernel's socket buffers and one high-water mark, not 500 × 200 KB.
            #expect(answered < requests / 10, "\(answered) answers were produced for a client that never read")
            // The server still answers everyone else.
            let (status, _, _) = try await harness.get("/v1/products/017000161563")
            #expect(status == 200)
        }
    }
}
