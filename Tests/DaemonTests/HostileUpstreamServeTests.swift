import Core
import Foundation
import Sandbox
import TestSupport
import Testing

/// The three upstream answers that used to kill `storesync serve` with a trap (exit 132) at every
/// start, sent to the real process by the sandbox: it stays up, answers, and logs what it refused.
@Suite("storesync serve against hostile upstream numbers")
struct HostileUpstreamServeTests {
    @Test("serve survives a pricing rate of 1e19, X-Credits-Remaining of 10^16 and Retry-After of 1e300")
    func serveSurvives() async throws {
        try await ServeProcessTests.withSandbox { sandbox, directory in
            let faults = sandbox.faults
            faults.add(FaultRule(.bodyField(path: ["actions", "products.get"], literal: "1e19"), target: .pricing))
            faults.add(FaultRule(.header(name: "X-Credits-Remaining", value: "10000000000000000"), target: .any))
            faults.add(FaultRule(.rateLimited(retryAfter: 1), target: .productGet, count: 1))
            faults.add(FaultRule(.header(name: "Retry-After", value: "1e300"), target: .productGet, count: 1))
            let product = try #require(sandbox.products.first { !(Barcode($0.barcode)?.isInStore ?? true) })
            let (daemon, socket) = try await ServeProcessTests.startWithEmptyCatalog(sandbox, directory)
            try await eventually("the refused pricing in the log") {
                daemon.log.contains("cannot read /pricing")
            }
            #expect(daemon.log.contains("actions.products.get"), "\(daemon.log)")
            // A live lookup meets the 429 with Retry-After: 1e300: clamped, so the scan is refused in time.
            let lookup = try await DaemonSocket.get(socket, "/v1/products/\(product.barcode)")
            #expect(lookup.status == 503, "\(String(describing: lookup.json))")
            #expect(
                sandbox.ledger().contains { $0.endpoint == SandboxEndpoint.productGet.rawValue && $0.status == 429 })
            let status = try await DaemonSocket.get(socket, "/v1/status")
            #expect(status.status == 200)
            #expect(status.json?["upstream"]?["credits_remaining"] == .null, "the hostile balance was ignored")
            #expect(daemon.isRunning)
            for header in ["X-Credits-Remaining", "Retry-After"] {
                #expect(daemon.log.contains("header=\(header)"), "\(header) is named in the log")
            }
            daemon.send(SIGTERM)
            #expect(await daemon.waitForExit(timeout: .seconds(60)) == 0)
            #expect(!daemon.endedBySignal)
        }
    }
}
