import Core
import Foundation
import Sandbox
import TestSupport
import Testing

/// `storesync serve` meeting an answer upstream charged and lost: the scan is answered without a
/// second paid call, and the status shows the credits lost.
@Suite("storesync serve and a lost paid answer")
struct LostAnswerServeTests {
    @Test("A scan whose paid answer is lost answers 503, is not re-sent, and status shows the lost credits")
    func lostAnswerInStatus() async throws {
        try await ServeProcessTests.withSandbox { sandbox, directory in
            sandbox.faults.add(FaultRule(.lostAnswer(.reset), target: .productGet, count: 1))
            let product = try #require(
                sandbox.products.first {
                    $0.barcode.count != 8 && !(Barcode($0.barcode)?.isInStore ?? true)
                })
            let (daemon, socket) = try await ServeProcessTests.startWithEmptyCatalog(sandbox, directory)
            let lookup = try await DaemonSocket.get(socket, "/v1/products/\(product.barcode)")
            #expect(lookup.status == 503, "\(String(describing: lookup.json))")
            let gets = sandbox.ledger().filter { $0.endpoint == SandboxEndpoint.productGet.rawValue }
            #expect(gets.count == 1)
            let charged = try #require(gets.first { $0.answerLost }?.creditsDebited)
            #expect(charged > .zero)
            let status = try await DaemonSocket.get(socket, "/v1/status")
            let lost = status.json?["upstream"]?["credits_lost"]?.doubleValue
            #expect(lost.map { abs($0 - charged.doubleValue) < 0.0005 } == true, "\(String(describing: status.json))")
            #expect(status.json?["upstream"]?["answers_lost"] == .int(1))
            daemon.send(SIGTERM)
            #expect(await daemon.waitForExit(timeout: .seconds(60)) == 0)
        }
    }
}
