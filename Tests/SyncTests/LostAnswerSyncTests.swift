import Core
import Foundation
import Sandbox
import Store
import Sync
import Testing
import Upstream

@Suite("Lost answers during a sync and a scan: at most one extra charge each")
struct LostAnswerSyncTests {
    @Test(
        "Under lost answers a sync ends with the ground truth and each barcode is charged once plus once per lost answer"
    )
    func syncUnderLostAnswers() async throws {
        try await SyncWorld.run { world in
            let barcodes = world.products.map(\.barcode)
            try world.writeCatalog(barcodes)
            for rule in FaultRule.lostAnswers(
                probability: 0.3, stall: .seconds(6), targets: [.productGet, .imageRedirect])
            {
                world.sandbox.faults.add(rule)
            }
            var options = DaemonOptions()
            options.sync.maxAttempts = 10
            options.configureUpstream = { $0.callDeadline = .seconds(4) }
            try await world.withDaemon(options) { daemon in
                let run = try await daemon.sync(.delta())
                #expect(run.state == .succeeded)
                #expect(try await daemon.groundTruthProblems(barcodes) == [])
                let paid = world.sandbox.ledger().filter {
                    $0.endpoint == SandboxEndpoint.productGet.rawValue
                        || $0.endpoint == SandboxEndpoint.imageRedirect.rawValue
                }
                var charges: [String: Int] = [:]
                var lost: [String: Int] = [:]
                for entry in paid where entry.creditsDebited > .zero {
                    guard let barcode = entry.barcode else { continue }
                    charges[barcode, default: 0] += 1
                    if entry.answerLost { lost[barcode, default: 0] += 1 }
                }
                let over = charges.filter { $0.value > 1 + lost[$0.key, default: 0] }
                #expect(over.isEmpty, "charged more than once per lost answer: \(over)")
                let summary = LedgerSummary(paid)
                #expect(summary.answersLost > 0)
                let extra = charges.values.reduce(0, +) - charges.count
                #expect(extra <= summary.answersLost)
                #expect(daemon.client.answersLost == summary.answersLost)
                #expect(daemon.client.creditsLost == summary.creditsLost)
                #expect(await daemon.client.snapshot.creditsLost == summary.creditsLost)
                let counted = daemon.metrics.value("storesync_upstream_credits_lost_total")
                #expect(abs(counted - summary.creditsLost.doubleValue) < 0.0005)
            }
        }
    }

    @Test(
        "A scan-time live fetch whose answer is lost answers unavailable, is not re-sent, and a later scan fetches it")
    func liveFetchIsNotResent() async throws {
        try await SyncWorld.run { world in
            let product = try #require(world.products.first { $0.variants.contains(.front) })
            let barcode = try #require(Barcode(product.barcode))
            world.sandbox.faults.add(FaultRule(.lostAnswer(.cutBody), target: .productGet, count: 1))
            try await world.withDaemon { (daemon) async throws in
                let first = await daemon.fetcher.fetchLive(barcode, deadline: ContinuousClock.now + .seconds(10))
                guard case .unavailable = first else {
                    Issue.record("expected no answer for a lost one, got \(first)")
                    return
                }
                let gets = world.ledger(.productGet)
                #expect(gets.count == 1)
                #expect(gets.first?.answerLost == true)
                #expect(daemon.client.creditsLost == gets.first?.creditsDebited)
                #expect(try await daemon.record(product.barcode) == nil)
                let second = await daemon.fetcher.fetchLive(barcode, deadline: ContinuousClock.now + .seconds(10))
                guard case .found = second else {
                    Issue.record("expected the later scan to fetch the product, got \(second)")
                    return
                }
                #expect(world.ledger(.productGet).count == 2)
            }
        }
    }
}
