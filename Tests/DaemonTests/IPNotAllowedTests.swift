import Core
import Daemon
import Foundation
import Sandbox
import Simulation
import TestSupport
import Testing

/// `403 ip_not_allowed`: every call would be refused alike, so storesync stops calling, says so in
/// status, and waits for an operator.
@Suite("An IP outside the client's allowlist")
struct IPNotAllowedTests {
    @Test("403 ip_not_allowed shows as auth ip_not_allowed and stops all calls until an operator's resync")
    func stopsUntilTheOperatorActs() async throws {
        try await StoreWorld.run(catalog: { sandbox in Array(sandbox.products.map(\.barcode).prefix(5)) }) { world in
            var account = try #require(world.sandbox.account(StoreWorld.clientID))
            account.ipAllowlist = ["192.0.2.10"]  // not this machine
            world.sandbox.setAccount(account)
            let walkIns = world.sandbox.products.map(\.barcode).suffix(3).map { $0 }
            let first = try await world.scan(walkIns[0])
            #expect(first.status == 503)
            let status = try #require(try await DaemonSocket.get(world.socket, "/v1/status").json)
            #expect(status["upstream"]?["auth"]?.stringValue == "ip_not_allowed")
            // Further scans do not call upstream at all.
            let mark = world.ledger().count
            #expect(try await world.scan(walkIns[1]).status == 503)
            #expect(try await world.scan(walkIns[2]).status == 503)
            #expect(world.ledger(from: mark).isEmpty, "\(world.ledger(from: mark).map(\.endpoint))")
            // An operator's resync tries once more (one refused token call) and fails clearly.
            let run = try await world.sync()
            #expect(run["state"]?.stringValue == "failed")
            #expect(world.ledger(from: mark).map(\.errorCode) == ["ip_not_allowed"])
            // The operator fixes the allowlist and asks for a sync: traffic resumes.
            account.ipAllowlist = []
            world.sandbox.setAccount(account)
            let again = try await world.sync()
            #expect(again["state"]?.stringValue == "succeeded", "\(again)")
            let after = try #require(try await DaemonSocket.get(world.socket, "/v1/status").json)
            #expect(after["upstream"]?["auth"]?.stringValue == "ok")
        }
    }
}
