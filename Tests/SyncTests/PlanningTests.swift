import Core
import Foundation
import Store
import Testing
import Upstream

@testable import Sync

@Suite("Sync planning (pure)")
struct PlanningTests {
    static let fetch = FetcherConfiguration(
        include: [.productMeta, .images], variants: [.front], minFreeBytes: 0, maxImageBytes: 0)

    static func listed(_ barcode: String, _ updatedAt: String, _ variants: [ImageVariant] = [.front]) -> ListedProduct {
        ListedProduct(
            barcode: Barcode(barcode)!, updatedAt: updatedAt, updatedAtDate: Timestamp.parse(updatedAt),
            variants: variants)
    }

    @Test("Keyset paging: the next request starts at the last row's updated_at, or the next page when a page shares it")
    func keysetCursor() {
        let first = ListingCursor(since: nil)
        let rows = [
            Self.listed("017000161563", "2026-07-01T10:00:00Z"), Self.listed("030772095355", "2026-07-01T11:00:00Z"),
        ]
        #expect(first.next(after: rows, perPage: 2) == ListingCursor(since: "2026-07-01T11:00:00Z", page: 1))
        #expect(first.next(after: rows, perPage: 3) == nil)
        let same = ListingCursor(since: "2026-07-01T11:00:00Z", page: 1)
        let shared = [
            Self.listed("017000161563", "2026-07-01T11:00:00Z"), Self.listed("030772095355", "2026-07-01T11:00:00Z"),
        ]
        #expect(same.next(after: shared, perPage: 2) == ListingCursor(since: "2026-07-01T11:00:00Z", page: 2))
        let moved = [
            Self.listed("017000161563", "2026-07-01T11:00:00Z"), Self.listed("030772095355", "2026-07-01T12:00:00Z"),
        ]
        #expect(
            ListingCursor(since: "2026-07-01T11:00:00Z", page: 2).next(after: moved, perPage: 2)
                == ListingCursor(since: "2026-07-01T12:00:00Z", page: 1))
        #expect(ListingCursor(since: "2026-07-01T11:00:00Z").sinceDate == Timestamp.parse("2026-07-01T11:00:00Z"))
        #expect(ListingCursor(since: nil, page: 0).page == 1)
    }

    @Test("Bulk-check keys: the contract's shape, stable for the same body and day, different otherwise")
    func bulkCheckKeys() throws {
        let barcodes = ["017000161563", "030772095355"].compactMap { Barcode($0) }
        let key = BulkCheckKey.make(clientID: "rd_client_x", day: "2026-07-02", barcodes: barcodes)
        let body = BulkCheckKey.body(barcodes)
        #expect(String(decoding: body, as: UTF8.self) == #"{"barcodes":["017000161563","030772095355"]}"#)
        #expect(key == "storesync-rd_client_x-2026-07-02-" + ImageDigest.sha256(body).prefix(16))
        #expect((20...255).contains(key.count))
        #expect(key == BulkCheckKey.make(clientID: "rd_client_x", day: "2026-07-02", barcodes: barcodes))
        #expect(key != BulkCheckKey.make(clientID: "rd_client_x", day: "2026-07-03", barcodes: barcodes))
        #expect(key != BulkCheckKey.make(clientID: "rd_client_x", day: "2026-07-02", barcodes: [barcodes[0]]))
        let long = BulkCheckKey.make(
            clientID: String(repeating: "c", count: 400), day: "2026-07-02", barcodes: barcodes)
        #expect(long.count <= 255)
        let many = FakeBarcodes.make(1201).compactMap { Barcode($0) }
        let chunks = BulkCheckKey.chunks(many.reversed())
        #expect(chunks.map(\.count) == [500, 500, 201])
        #expect(chunks.flatMap { $0 } == many.sorted())
    }

    @Test(
        "A listing page queues what changed among catalog and recently scanned products, and marks other changes outdated"
    )
    func plannerKeepsCatalogAndScanned() {
        let catalog = CatalogSnapshot(
            entries: [
                Barcode("017000161563")!: CatalogEntry(
                    barcode: Barcode("017000161563")!, name: "A", price: Money(cents: 1))
            ],
            path: "c.csv", isLoaded: true, loadedAt: nil)
        let items = [
            Self.listed("017000161563", "2026-07-01T10:00:00Z"),  // in the catalog, not cached
            Self.listed("030772095355", "2026-07-01T10:00:00Z"),  // cached and current
            Self.listed("080878194964", "2026-07-01T10:00:00Z"),  // neither
            Self.listed("012345678905", "2026-07-01T10:00:00Z"),  // cached at an older version, scanned lately
            Self.listed("036000291452", "2026-07-01T10:00:00Z"),  // cached at an older version, scanned long ago
        ]
        let old = CachedState(
            updatedAt: "2026-06-01T10:00:00Z", fetchedAt: UnixMillis(0), images: [.front: "2026-06-01T10:00:00Z"])
        let cached: [Barcode: CachedState] = [
            Barcode("030772095355")!: CachedState(
                updatedAt: "2026-07-01T10:00:00Z", fetchedAt: UnixMillis(0), images: [.front: "2026-07-01T10:00:00Z"]),
            Barcode("012345678905")!: old,
            Barcode("036000291452")!: old,
        ]
        let keepSince = UnixMillis(1_000_000)
        let scans = [
            Barcode("012345678905")!: ScanCount(
                barcode: Barcode("012345678905")!, count: 9, lastScannedAt: UnixMillis(1_000_000)),
            Barcode("036000291452")!: ScanCount(
                barcode: Barcode("036000291452")!, count: 40, lastScannedAt: UnixMillis(999_999)),
        ]
        let plan = SyncPlanner.plan(
            for: items, catalog: catalog, cached: cached, scans: scans, keepScannedSince: keepSince,
            fetch: Self.fetch)
        #expect(plan.work.map(\.barcode.digits) == ["017000161563", "012345678905"])
        #expect(plan.work.map(\.priority) == [0, 9])
        #expect(plan.work.first?.variants == [.front])
        #expect(plan.work.first?.listedUpdatedAt == "2026-07-01T10:00:00Z")
        #expect(plan.outdated.map(\.digits) == ["036000291452"])
        // Without a catalog only recently scanned products are bought; nobody asked for the rest.
        let noCatalog = SyncPlanner.plan(
            for: items, catalog: nil, cached: [:], scans: scans, keepScannedSince: keepSince,
            fetch: Self.fetch)
        #expect(noCatalog.work.map(\.barcode.digits) == ["012345678905"])
        #expect(noCatalog.outdated.isEmpty)
        // A product listed twice (it changed while the sync paged) is queued once, at its latest version.
        let twice = SyncPlanner.plan(
            for: [
                Self.listed("017000161563", "2026-07-01T10:00:00Z"),
                Self.listed("017000161563", "2026-07-01T12:00:00Z"),
            ],
            catalog: catalog, cached: [:], scans: [:], keepScannedSince: keepSince, fetch: Self.fetch)
        #expect(twice.work.map(\.listedUpdatedAt) == ["2026-07-01T12:00:00Z"])
    }

    @Test("A cached product is current only at the listed version with every wanted image of that version")
    func cachedStateCurrency() {
        let state = CachedState(
            updatedAt: "2026-07-01T10:00:00Z", fetchedAt: UnixMillis(5000), images: [.front: "2026-07-01T10:00:00Z"])
        #expect(state.isCurrent(listedUpdatedAt: "2026-07-01T10:00:00Z", wanted: [.front]))
        #expect(state.isCurrent(listedUpdatedAt: "2026-07-01T09:00:00Z", wanted: [.front]))
        #expect(!state.isCurrent(listedUpdatedAt: "2026-07-01T11:00:00Z", wanted: [.front]))
        #expect(!state.isCurrent(listedUpdatedAt: "2026-07-01T10:00:00Z", wanted: [.front, .back]))
        #expect(!state.isCurrent(listedUpdatedAt: nil, wanted: []))
        let oldImage = CachedState(
            updatedAt: "2026-07-01T10:00:00Z", fetchedAt: UnixMillis(5000), images: [.front: "2026-06-01T10:00:00Z"])
        #expect(!oldImage.isCurrent(listedUpdatedAt: "2026-07-01T10:00:00Z", wanted: [.front]))
        #expect(state.isCurrent(listedUpdatedAt: nil, wanted: [.front], fetchedSince: UnixMillis(5000)))
        #expect(!state.isCurrent(listedUpdatedAt: nil, wanted: [.front], fetchedSince: UnixMillis(5001)))
    }

    @Test("A fetch asks only for wanted variants the product has, and drops images when it has none")
    func fetchRequests() {
        let configuration = FetcherConfiguration(
            include: [.images, .productMeta], variants: [.front, .back], minFreeBytes: 0, maxImageBytes: 0)
        #expect(configuration.request(available: nil).variants == [.front, .back])
        #expect(configuration.request(available: [.back, .frontClean]).variants == [.back])
        let none = configuration.request(available: [.frontClean])
        #expect(none.include == [.productMeta])
        #expect(none.variants.isEmpty)
        let imagesOnly = FetcherConfiguration(include: [.images], variants: [.front], minFreeBytes: 0, maxImageBytes: 0)
        #expect(imagesOnly.request(available: []).include == [.images])
        let metaOnly = FetcherConfiguration(
            include: [.productMeta], variants: [.front], minFreeBytes: 0, maxImageBytes: 0)
        #expect(metaOnly.wantedVariants(available: [.front]).isEmpty)
    }

    @Test("Upstream errors pause, fail, wait or count against the item as the contract says")
    func errorActions() {
        let now = Date(timeIntervalSince1970: 1000)
        let midnight = Date(timeIntervalSince1970: 5000)
        func action(_ error: UpstreamError) -> SyncErrorAction {
            SyncErrorAction.of(error, now: now, balanceRecheck: .seconds(3600))
        }
        #expect(
            action(.creditCapReached(resumeAt: midnight))
                == .interrupt(.pause(reason: "credit_cap_reached", resumeAt: midnight)))
        #expect(
            action(.dayBudgetSpent(resumeAt: midnight))
                == .interrupt(.pause(reason: "day_budget_spent", resumeAt: midnight)))
        #expect(
            action(.scanReserveOnly(resumeAt: midnight))
                == .interrupt(.pause(reason: "scan_reserve_only", resumeAt: midnight)))
        #expect(
            action(.insufficientCredits)
                == .interrupt(.pause(reason: "insufficient_credits", resumeAt: now.addingTimeInterval(3600))))
        #expect(action(.clientDisabled) == .interrupt(.fail(reason: "client_disabled")))
        #expect(action(.invalidCredentials) == .interrupt(.fail(reason: "invalid_credentials")))
        #expect(action(.forbidden(code: "ip_not_allowed")) == .interrupt(.fail(reason: "forbidden_ip_not_allowed")))
        #expect(action(.forbidden(code: "scope_forbidden")) == .giveUp)
        #expect(action(.rateLimited(resumeAt: midnight)) == .waitUntil(midnight))
        #expect(action(.cancelled) == .interrupt(.cancelled))
        #expect(action(.unavailable("503")) == .retryLater)
        #expect(action(.timedOut) == .retryLater)
        #expect(action(.badRequest("x")) == .giveUp)
    }
}
