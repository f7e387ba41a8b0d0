import Core
import Foundation
import Sandbox
import Store
import Sync
import TestSupport
import Testing
import Upstream

@Suite("The spend ledger holds a paid call's estimate before the call is sent")
struct SpendReservationTests {
    static let include: [IncludeScope] = [.productMeta, .images]

    /// Catalog products (no in-store codes) with a front image and no back image, as barcodes.
    static func frontOnly(_ world: SyncWorld) -> [Barcode] {
        world.products.filter { $0.variants.contains(.front) && !$0.variants.contains(.back) }
            .compactMap { Barcode($0.barcode) }
    }

    @Test("A call in flight is in the database at its estimate, and a restarted client's cap counts it")
    func estimateWhileInFlight() async throws {
        try await SyncWorld.run { world in
            try await SpendWorld.run(world) { spend in
                let barcodes = Self.frontOnly(world)
                try #require(barcodes.count >= 2)
                let client = try await spend.client()
                // Asking for front and back without knowing the variants: the estimate is an upper bound.
                let estimate = client.expectedCost(include: Self.include, variants: [.front, .back], available: nil)
                let single = client.expectedCost(include: Self.include, variants: [.front], available: [.front])
                #expect(estimate > single)
                world.sandbox.faults.add(FaultRule(.delay(.seconds(10)), target: .productGet, count: 1))
                try await withThrowingTaskGroup(of: ProductFetch.self) { group in
                    group.addTask {
                        try await client.product(barcodes[0], purpose: .sync, variants: [.front, .back])
                    }
                    // The sandbox has charged the call and holds its answer for 10 s.
                    try await eventually("the sandbox charged the fetch") { !world.ledger(.productGet).isEmpty }
                    #expect(try await spend.spent() == estimate)
                    // A process started now (the first one crashed) sees the charge: a cap one call
                    // short of the estimate plus another call refuses that call.
                    let restarted = try await spend.client(limit: estimate + single - Credits(thousandths: 1))
                    let refused = await caught { () async throws(UpstreamError) in
                        try await restarted.product(barcodes[1], purpose: .sync, available: [.front])
                    }
                    #expect(refused?.reasonCode == "credit_cap_reached")
                    let fetch = try #require(try await group.next())
                    #expect(fetch.creditsDebited == single)
                }
                // Corrected to what the sandbox debited.
                #expect(try await spend.spent() == world.credits())
                #expect(world.ledger(.productGet).count == 1)
            }
        }
    }

    @Test("A lost answer keeps its estimate, so a restarted client never crosses the daily cap")
    func lostAnswerKeepsEstimate() async throws {
        try await SyncWorld.run { world in
            try await SpendWorld.run(world) { spend in
                let barcodes = Self.frontOnly(world)
                try #require(barcodes.count >= 3)
                let client = try await spend.client()
                let cost = client.expectedCost(include: Self.include, variants: [.front], available: [.front])
                world.sandbox.faults.add(FaultRule(.lostAnswer(.reset), target: .productGet, count: 1))
                let lost = await caught { () async throws(UpstreamError) in
                    try await client.product(barcodes[0], purpose: .sync, available: [.front])
                }
                #expect(lost?.reasonCode == "answer_lost")
                #expect(world.ledger(.productGet).map(\.answerLost) == [true])
                #expect(try await spend.spent() == world.credits())
                #expect(try await spend.spent() == cost)
                // A 404 is free: its estimate is taken back.
                let unknown = try #require(FakeBarcodes.make(1).first.flatMap { Barcode($0) })
                _ = await caught { () async throws(UpstreamError) in
                    try await client.product(unknown, purpose: .sync, available: [.front])
                }
                #expect(try await spend.spent() == cost)
                // The cap holds two calls; a restart after the lost answer allows only one more.
                let cap = cost + cost
                let restarted = try await spend.client(limit: cap)
                _ = try await restarted.product(barcodes[1], purpose: .sync, available: [.front])
                let refused = await caught { () async throws(UpstreamError) in
                    try await restarted.product(barcodes[2], purpose: .sync, available: [.front])
                }
                #expect(refused?.reasonCode == "credit_cap_reached")
                #expect(world.credits() <= cap)
                #expect(try await spend.spent() == world.credits())
            }
        }
    }
}
