import Core
import Foundation
import Sandbox
import TestSupport
import Testing
import Upstream

@Suite("403 client_disabled stops all traffic")
struct ClientDisabledTests {
    @Test("A disabled client stops every call at once until an operator re-enables it")
    func disabledStopsEverything() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            let fetch = try await harness.client.product(barcode, purpose: .sync)
            let url = try #require(fetch.imageURLs[.front])
            harness.sandbox.setClientDisabled(UpstreamHarness.clientID, true)
            let first = await caught { () async throws(UpstreamError) in
                try await harness.client.product(barcode, purpose: .scan)
            }
            #expect(first == .clientDisabled)
            let requests = harness.sandbox.ledger().count
            let client = harness.client
            let afterwards: [UpstreamError?] = [
                await caught { () async throws(UpstreamError) in try await client.product(barcode, purpose: .scan) },
                await caught { () async throws(UpstreamError) in
                    try await client.listChanges(updatedSince: nil, page: 1, purpose: .sync)
                },
                await caught { () async throws(UpstreamError) in try await client.balance() },
                await caught { () async throws(UpstreamError) in
                    try await client.downloadImage(url, barcode: barcode, variant: .front, purpose: .sync)
                },
            ]
            #expect(afterwards.allSatisfy { $0 == .clientDisabled })
            #expect(harness.sandbox.ledger().count == requests)
            #expect(await harness.client.snapshot.auth == .disabled)
            #expect(harness.tokens.current.tokens == nil)

            harness.sandbox.setClientDisabled(UpstreamHarness.clientID, false)
            await harness.client.reenable()
            _ = try await harness.client.product(barcode, purpose: .scan)
            #expect(await harness.client.snapshot.auth == .ok)
            #expect(harness.ledger(.token).filter { $0.status == 200 }.count == 2)
        }
    }

    @Test("A client disabled before it starts is stopped at the token exchange")
    func disabledAtExchange() async throws {
        try await UpstreamHarness.run { harness in
            harness.sandbox.setClientDisabled(UpstreamHarness.clientID, true)
            await harness.client.start()
            #expect(await harness.client.snapshot.auth == .disabled)
            #expect(harness.client.pricing.source == .contractDefaults)
            let barcode = try harness.productWithFront()
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.product(barcode, purpose: .scan)
            }
            #expect(error == .clientDisabled)
            #expect(harness.ledger(.token).count == 1)
            #expect(harness.ledger(.productGet).isEmpty)
        }
    }
}
