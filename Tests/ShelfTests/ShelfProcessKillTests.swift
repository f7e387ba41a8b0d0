import Core
import Foundation
import Sandbox
import TestSupport
import Testing

/// `storesync serve` in its own process, killed with SIGKILL right after it accepted shelf changes
/// (build it first: `swift build --build-tests`).
@Suite("Shelf changes survive a kill -9 of the daemon")
struct ShelfProcessKillTests {
    static let token = "rt_store_sandbox"

    @Test("Changes answered 202 and then SIGKILLed before delivery reach Retagly after the restart, as last asked")
    func killBetweenAcceptingAndDelivering() async throws {
        var configuration = SandboxTesting.configuration(products: 20, clock: SandboxClock(mode: .realTime))
        configuration.retaglyTokens = [Self.token]
        try await Sandbox.withRunning(configuration, logger: SandboxTesting.logger) { sandbox in
            try await withTemporaryDirectory("shelfkill") { directory in
                var settings = ServeConfiguration(
                    directory: directory.path, retailDigitalsURL: sandbox.retailDigitalsBaseURL)
                settings["shelf.base_url"] = sandbox.retaglyBaseURL
                settings["catalog.path"] = nil
                let configPath = try settings.write(to: directory.appending("storesync.yaml"))
                let environment = [
                    "RD_CLIENT_ID": "rd_client_sandbox", "RD_API_KEY": "sk_test_sandbox", "RETAGLY_TOKEN": Self.token,
                ]
                let log = directory.appending("daemon.log")

                // Retagly is down while the first daemon accepts the changes: nothing can be delivered.
                sandbox.retagly.setDown(true)
                let first = try ServeProcess(configPath: configPath, environment: environment, logPath: log)
                try #require(await DaemonSocket.waitUntilHealthy(settings.socketPath, process: first), "\(first.log)")
                var expected: [String: (name: String, price: String)] = [:]
                for batch in 0..<3 {
                    var items: [String] = []
                    for n in 1...20 {
                        let barcode = ShelfSamples.barcode(n).digits
                        let price = "\(batch + 1).\(10 + n)"
                        items.append(#"{"barcode":"\#(barcode)","name":"Shelf \#(n)","price":\#(price)}"#)
                        expected[barcode] = ("Shelf \(n)", price)
                    }
                    let answer = try await DaemonSocket.post(
                        settings.socketPath, "/v1/shelf/products",
                        json: #"{"products":[\#(items.joined(separator: ","))]}"#)
                    #expect(answer.status == 202)
                    #expect(answer.json?["accepted"]?.intValue == 20)
                }
                await first.killNow()
                #expect(first.endedBySignal)
                #expect(sandbox.retagly.products(token: Self.token).isEmpty)

                sandbox.retagly.setDown(false)
                let second = try ServeProcess(configPath: configPath, environment: environment, logPath: log)
                try #require(await DaemonSocket.waitUntilHealthy(settings.socketPath, process: second), "\(second.log)")
                try await eventually("every product to reach Retagly") {
                    sandbox.retagly.products(token: Self.token).count >= expected.count
                }
                let delivered = sandbox.retagly.products(token: Self.token)
                #expect(delivered.count == expected.count)
                for (barcode, want) in expected {
                    #expect(delivered[barcode]?.name == want.name)
                    #expect(delivered[barcode]?.price == Money(parsing: want.price))
                }
                // Only the last of the three changes per barcode went out, and none twice.
                #expect(sandbox.retagly.repeatedDeliveries(token: Self.token).isEmpty)
                #expect(!second.log.contains(Self.token))
                second.send(SIGTERM)
                #expect(await second.waitForExit(timeout: .seconds(60)) == 0)
            }
        }
    }
}
