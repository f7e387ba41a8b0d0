import Core
import Foundation
import Sandbox
import Store
import Sync
import Testing

@Suite("Delta sync against the sandbox's ground truth")
struct DeltaSyncTests {
    @Test(
        "One delta sync brings every carried product to ground truth for the formula's minimum, paging changes included"
    )
    func deltaMatchesGroundTruthAtMinimumCost() async throws {
        try await SyncWorld.run(SyncWorld.sandboxConfiguration(products: 60)) { world in
            let rates = try await SandboxRates.read(world.sandbox)
            let products = world.products
            let carried = products.prefix(30).map(\.barcode)
            let others = products.dropFirst(30).map(\.barcode)
            try world.writeCatalog(carried)
            var options = DaemonOptions()
            options.sync.pageSize = 7
            try await world.withDaemon(options) { daemon in
                // First sync: no watermark, everything is listed, every carried product fetched once.
                let firstMark = world.sandbox.ledger().count
                let first = try await daemon.sync(.delta())
                #expect(first.state == .succeeded)
                #expect(first.total == carried.count)
                #expect(try await daemon.groundTruthProblems(carried) == [])
                let firstExpected = carried.compactMap { world.sandbox.product($0) }.reduce(Credits.zero) {
                    $0 + rates.minimumFetch($1)
                }
                #expect(world.credits(from: firstMark) == firstExpected)
                #expect(first.creditsSpent == firstExpected)
                #expect(world.fetchesPerBarcode(from: firstMark).values.allSatisfy { $0 == 1 })
                #expect(try await daemon.syncState(.watermark) != nil)

                // An hour later upstream changes carried and other products, some with new images.
                world.sandbox.clock.advance(by: .seconds(3600))
                var changed = Array(carried[0..<4])
                for (index, barcode) in changed.enumerated() {
                    world.sandbox.updateProduct(barcode, changeImages: index < 2)
                }
                for barcode in others.prefix(4) { world.sandbox.updateProduct(barcode) }
                // While the sync pages, a carried product already fetched last night and another one
                // change (a second later, so they move to the end of the listing).
                let duringPaging = [carried[10], carried[20]]
                changed += duringPaging
                let listingsBefore = world.ledger(.listing).count
                let sandbox = world.sandbox
                sandbox.setRequestHook { info in
                    guard info.endpoint == .listing, info.count == listingsBefore + 2 else { return }
                    sandbox.clock.advance(by: .seconds(1))
                    for barcode in duringPaging { sandbox.updateProduct(barcode, changeImages: true) }
                    sandbox.updateProduct(others[10])
                }
                let mark = world.sandbox.ledger().count
                let second = try await daemon.sync(.delta())
                world.sandbox.setRequestHook(nil)
                #expect(second.state == .succeeded)
                #expect(try await daemon.groundTruthProblems(carried) == [])
                let expected = changed.compactMap { world.sandbox.product($0) }.reduce(Credits.zero) {
                    $0 + rates.minimumFetch($1)
                }
                #expect(world.credits(from: mark) == expected)
                #expect(second.creditsSpent == expected)
                let fetched = world.fetchesPerBarcode(from: mark)
                #expect(fetched == Dictionary(uniqueKeysWithValues: changed.map { ($0, 1) }))
                #expect(world.ledger(.bulkCheck, from: mark).isEmpty)

                // Right after: nothing changes, nothing is paid (only free listing calls).
                let thirdMark = world.sandbox.ledger().count
                let third = try await daemon.sync(.delta())
                #expect(third.state == .succeeded)
                #expect(third.done == 0)
                #expect(world.credits(from: thirdMark) == .zero)
                #expect(world.sandbox.ledger().dropFirst(thirdMark).allSatisfy { $0.endpoint == "GET /products" })
            }
        }
    }

    @Test("With image_meta and two variants configured, the cache matches ground truth at the formula's minimum")
    func moreScopesAndVariants() async throws {
        try await SyncWorld.run { world in
            let rates = try await SandboxRates.read(world.sandbox)
            let carried = world.products.prefix(12).map(\.barcode)
            try world.writeCatalog(carried)
            var options = DaemonOptions()
            options.fetch = FetcherConfiguration(
                include: [.productMeta, .imageMeta, .images], variants: [.front, .backClean],
                minFreeBytes: options.fetch.minFreeBytes, maxImageBytes: options.fetch.maxImageBytes)
            try await world.withDaemon(options) { daemon in
                let run = try await daemon.sync(.delta())
                #expect(run.state == .succeeded)
                #expect(try await daemon.groundTruthProblems(carried, variants: [.front, .backClean]) == [])
                var expected = Credits.zero
                for barcode in carried {
                    let product = try #require(world.sandbox.product(barcode))
                    expected = expected + rates.perScope + rates.minimumFetch(product, variants: [.front, .backClean])
                    let record = try #require(try await daemon.record(barcode))
                    let imageMeta = JSONValue.object(
                        ImageVariant.allCases.map { ($0.rawValue, product.imageMeta[$0] ?? .null) })
                    #expect(try JSONValue(parsing: try #require(record.imageMeta)) == imageMeta)
                    #expect(record.variantsAvailable == product.variants)
                }
                #expect(world.credits() == expected)
                // Only variants the product has were asked for.
                for entry in world.ledger(.productGet) {
                    let product = try #require(world.sandbox.product(entry.barcode ?? ""))
                    let asked = [ImageVariant.front, .backClean].filter(product.variants.contains)
                    if asked.isEmpty {
                        #expect(entry.path.hasSuffix("include=product_meta,image_meta"))
                    } else {
                        #expect(entry.path.contains("variants=" + asked.map(\.rawValue).joined(separator: ",")))
                    }
                }
            }
        }
    }
}
