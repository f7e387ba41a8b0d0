import Foundation
import Lookup
import Synchronization
import TestSupport
import Testing

/// Control routes have their own lane: a flood of them never makes scans answer `503 busy`.
@Suite("The control routes' own lane")
struct ControlLaneTests {
    @Test("Status requests that fill their lane get 503 busy while a scan's live miss is still answered")
    func controlFloodSparesScans() async throws {
        try await LookupHarness.run(configure: { $0.maxConcurrentSlowRequests = 4 }) { harness in
            harness.backend.holdStatus.withLock { $0 = true }
            harness.backend.script("030772095355", .store(productMeta: #"{"product_name":"Soap"}"#))
            let socket = harness.socket
            try await withThrowingTaskGroup(of: Int.self) { flood in
                for _ in 0..<24 {
                    flood.addTask {
                        try await SocketHTTP.request(socket, "GET", "/v1/status", timeout: .seconds(60)).status ?? 0
                    }
                }
                // Twenty-four held requests: the control lane takes 16 (plus the one NIO may be
                // handing over), the rest are refused; wait for the refusals, not for time.
                var refused = 0
                while refused < 24 - 17, let status = try await flood.next() {
                    #expect(status == 503)
                    refused += 1
                }
                let scan = try await SocketHTTP.request(socket, "GET", "/v1/products/030772095355")
                #expect(scan.status == 200)
                harness.backend.releaseStatus()
                while let status = try await flood.next() { #expect(status == 200 || status == 503) }
            }
        }
    }
}
