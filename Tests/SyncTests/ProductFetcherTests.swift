import Core
import Foundation
import Sandbox
import Store
import Sync
import TestSupport
import Testing
import Upstream

@Suite("Product fetcher: single flight, deadlines, images, unknown barcodes")
struct ProductFetcherTests {
    @Test("Twenty concurrent live fetches of one barcode make one upstream call")
    func singleFlight() async throws {
        try await SyncWorld.run { world in
            let product = try #require(world.products.first { $0.variants.contains(.front) })
            let barcode = try #require(Barcode(product.barcode))
            world.sandbox.faults.add(FaultRule(.delay(.milliseconds(200)), target: .productGet))
            try await world.withDaemon { (daemon) async throws in
                let deadline = ContinuousClock.now + .seconds(10)
                let results = await withTaskGroup(of: LiveFetchResult.self) { group in
                    for _ in 0..<20 { group.addTask { await daemon.fetcher.fetchLive(barcode, deadline: deadline) } }
                    return await group.reduce(into: [LiveFetchResult]()) { $0.append($1) }
                }
                let found = results.compactMap { result -> HotProduct? in
                    if case .found(let product) = result { return product }
                    return nil
                }
                #expect(found.count == 20)
                #expect(found.allSatisfy { $0.updatedAt == product.updatedAtText && $0.source == .live })
                #expect(world.ledger(.productGet).count == 1)
                #expect(world.ledger(.imageDelivery).count == 1)
            }
        }
    }

    @Test("A slow upstream: the answer comes by the deadline, the product is stored afterwards and paid once")
    func deadlineWithSlowUpstream() async throws {
        try await SyncWorld.run { world in
            let product = try #require(world.products.first { $0.variants.contains(.front) })
            let barcode = try #require(Barcode(product.barcode))
            world.sandbox.faults.add(FaultRule(.delay(.milliseconds(1500)), target: .productGet, count: 1))
            try await world.withDaemon { (daemon) async throws in
                let result = await daemon.fetcher.fetchLive(barcode, deadline: ContinuousClock.now + .milliseconds(300))
                guard case .unavailable(let reason) = result else {
                    Issue.record("expected no answer by the deadline, got \(result)")
                    return
                }
                #expect(reason == "timeout")
                #expect(try await daemon.record(product.barcode) == nil)
                try await eventually("the slow fetch to be stored with its image") {
                    try await daemon.database.read { try $0.image(barcode, variant: .front) } != nil
                }
                #expect(try await daemon.groundTruthProblems([product.barcode]) == [])
                let gets = world.ledger(.productGet)
                #expect(gets.count == 1)
                #expect(gets.first?.creditsDebited == Credits(thousandths: 1300))
            }
        }
    }

    @Test("Images are downloaded before the answer when they fit the deadline")
    func imagesBeforeTheAnswer() async throws {
        try await SyncWorld.run { world in
            let product = try #require(world.products.first { $0.variants.contains(.front) })
            let barcode = try #require(Barcode(product.barcode))
            try await world.withDaemon { (daemon) async throws in
                let result = await daemon.fetcher.fetchLive(barcode, deadline: ContinuousClock.now + .seconds(10))
                guard case .found(let hot) = result else {
                    Issue.record("expected the product, got \(result)")
                    return
                }
                let front = try #require(hot.image(.front))
                let expected = world.sandbox.imageSHA256(
                    barcode: product.barcode, variant: .front, clientID: SyncWorld.clientID)
                #expect(front.sha256 == expected)
                #expect(front.contentType == "image/jpeg")
                let path = daemon.database.imageStore.root + "/" + front.relativePath
                #expect(FileManager.default.fileExists(atPath: path))
                #expect(hot.productMeta.isEmpty == false)
                #expect((try? JSONValue(parsing: hot.productMeta)) == product.productMeta)
            }
        }
    }

    @Test("An unknown barcode gets a negative entry; a product upstream deleted is removed with its images")
    func unknownAndDeleted() async throws {
        try await SyncWorld.run { world in
            let unknown = try #require(Barcode(FakeBarcodes.make(1, excluding: Set(world.sandbox.barcodes))[0]))
            let product = try #require(world.products.first { $0.variants.contains(.front) })
            let barcode = try #require(Barcode(product.barcode))
            try await world.withDaemon { (daemon) async throws in
                let deadline = ContinuousClock.now + .seconds(10)
                guard case .notFound = await daemon.fetcher.fetchLive(unknown, deadline: deadline) else {
                    Issue.record("expected not found")
                    return
                }
                #expect(try await daemon.database.read { try $0.negative(unknown) }?.reason == .notFound)
                #expect(world.ledger(.productGet).first?.creditsDebited == .zero)

                guard case .found(let hot) = await daemon.fetcher.fetchLive(barcode, deadline: deadline) else {
                    Issue.record("expected the product")
                    return
                }
                let path = daemon.database.imageStore.root + "/" + (hot.image(.front)?.relativePath ?? "")
                #expect(FileManager.default.fileExists(atPath: path))
                world.sandbox.deleteProduct(product.barcode)
                let outcome = await daemon.fetcher.fetch(barcode, purpose: .sync)
                #expect(outcome == .notFound)
                #expect(try await daemon.record(product.barcode) == nil)
                #expect(try await daemon.database.read { try $0.images(for: barcode) }.isEmpty)
                #expect(!FileManager.default.fileExists(atPath: path))
            }
        }
    }

    @Test("In-store codes never go upstream; background refreshes are not doubled")
    func inStoreAndBackgroundRefresh() async throws {
        try await SyncWorld.run { world in
            let body = "20000000000"
            let inStore = try #require(Barcode(body + String(Barcode.checkDigit(of: body.utf8.map { $0 - 48 }))))
            #expect(inStore.isInStore)
            let product = try #require(world.products.first)
            let barcode = try #require(Barcode(product.barcode))
            world.sandbox.faults.add(FaultRule(.delay(.milliseconds(300)), target: .productGet))
            try await world.withDaemon { (daemon) async throws in
                guard case .notFound = await daemon.fetcher.fetchLive(inStore, deadline: .now + .seconds(5)) else {
                    Issue.record("an in-store code is not found upstream")
                    return
                }
                daemon.fetcher.refreshInBackground(barcode)
                daemon.fetcher.refreshInBackground(barcode)
                daemon.fetcher.refreshInBackground(inStore)
                try await eventually("the background refresh to land") {
                    try await daemon.record(product.barcode) != nil
                }
                #expect(world.ledger(.productGet).map(\.barcode) == [product.barcode])
            }
        }
    }

    @Test("A scan's failure reasons map to the socket's codes")
    func liveReasons() {
        #expect(LiveFetchResult.reason(for: .timedOut) == "timeout")
        #expect(LiveFetchResult.reason(for: .unavailable("x")) == "unavailable")
        #expect(LiveFetchResult.reason(for: .rateLimited(resumeAt: Date())) == "rate_limited")
        #expect(LiveFetchResult.reason(for: .dayBudgetSpent(resumeAt: Date())) == "rate_limited")
        #expect(LiveFetchResult.reason(for: .insufficientCredits) == "insufficient_credits")
        #expect(LiveFetchResult.reason(for: .clientDisabled) == "client_disabled")
        #expect(LiveFetchResult.reason(for: .creditCapReached(resumeAt: Date())) == "credit_cap")
    }
}
