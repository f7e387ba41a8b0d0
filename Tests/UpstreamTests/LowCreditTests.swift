import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@testable import Upstream

/// `upstream.low_credit_warning`: one log line when the balance falls below it and one when a
/// top-up lifts it, whatever the number of calls in between.
@Suite("The low-credit warning")
struct LowCreditTests {
    @Test("Crossings are reported once each way; a new threshold is judged against the last balance")
    func crossings() {
        var watch = LowCreditWatch(threshold: Credits(100))
        #expect(watch.observe(Credits(150)) == nil && !watch.isLow)
        #expect(watch.observe(Credits(99)) == .fellBelow && watch.isLow)
        #expect(watch.observe(Credits(50)) == nil && watch.observe(Credits(10)) == nil)
        #expect(watch.observe(Credits(100)) == .recovered && !watch.isLow)
        #expect(watch.setThreshold(Credits(200)) == .fellBelow)
        #expect(watch.setThreshold(.zero) == .recovered && watch.threshold == nil)
        #expect(watch.observe(.zero) == nil)
        var first = LowCreditWatch(threshold: Credits(100))
        #expect(first.observe(Credits(3)) == .fellBelow, "below at the first balance seen")
        var off = LowCreditWatch(threshold: nil)
        #expect(off.observe(.zero) == nil && !off.isLow)
    }

    @Test("Through the sandbox: one warning while paid calls draw the balance down, one notice after a top-up")
    func logsOncePerCrossing() async throws {
        let configuration = UpstreamHarness.sandboxConfiguration(credits: Credits(10))
        try await UpstreamHarness.run(configuration, configure: { $0.lowCreditWarning = Credits(thousandths: 9200) }) {
            harness in
            let barcodes = harness.sandbox.products.compactMap { product -> Barcode? in
                guard product.variants.contains(.front), let barcode = Barcode(product.barcode), !barcode.isInStore
                else { return nil }
                return barcode
            }.prefix(5)
            #expect(barcodes.count == 5)
            for barcode in barcodes {
                _ = try await harness.client.product(barcode, purpose: .sync, include: [.productMeta], variants: [])
            }
            // Five metadata fetches of 0.3 credits: 9.7, 9.4, then 9.1 is below 9.2, then 8.8 and 8.5.
            #expect(harness.sandbox.credits(of: UpstreamHarness.clientID) == Credits(thousandths: 8500))
            let snapshot = await harness.client.snapshot
            #expect(snapshot.creditsLow && snapshot.lowCreditWarning == Credits(thousandths: 9200))
            #expect(harness.logs.lines(containing: "credits are low").count == 1, "\(harness.logs.all)")

            harness.sandbox.setCredits(UpstreamHarness.clientID, Credits(500))
            _ = try await harness.client.balance()
            #expect(await harness.client.snapshot.creditsLow == false)
            #expect(harness.logs.lines(containing: "above upstream.low_credit_warning again").count == 1)
            #expect(harness.logs.lines(containing: "credits are low").count == 1)

            // A reload that raises the threshold above the balance warns once more.
            harness.client.updateBudgets(dailyCreditLimit: nil, scanReserve: 0.2, lowCreditWarning: Credits(600))
            #expect(harness.logs.lines(containing: "credits are low").count == 2)
            #expect(await harness.client.snapshot.creditsLow)
        }
    }
}
