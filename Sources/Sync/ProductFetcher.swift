import Core
import Foundation
import Logging
import Metrics
import ServiceLifecycle
import Store
import Synchronization
import Upstream

/// Fetches products from Retail Digitals and stores them: metadata (`product_meta` as received,
/// `image_meta` when asked for, `updated_at`, `fetched_at`, variants), every returned image
/// (downloaded at once, written atomically off the cooperative pool, indexed), and for an unknown
/// barcode a negative entry (removing a record upstream deleted, with its image files).
///
/// One upstream call per barcode at a time: concurrent callers share it. The work runs in this
/// service's own task group, never in the caller's task, so a caller that stops waiting (a scan's
/// deadline, a cancelled sync) never cancels a paid call; the result is stored when it lands.
/// Run it in the daemon's `ServiceGroup`; on graceful shutdown it takes no new work and lets the
/// fetches in flight finish.
public final class ProductFetcher: Service, Sendable {
    public let configuration: FetcherConfiguration
    let client: RetailDigitalsClient
    let database: Database
    let images: ImageStore
    let clock: WallClock
    let logger: Logger
    let metrics: SyncMetrics
    /// The state directory's free space, checked before each paid fetch.
    public let diskSpace: DiskSpaceGuard
    let flights = Mutex<[Barcode: FetchFlight]>([:])
    private let jobs: AsyncStream<FetchFlight>
    private let jobInput: AsyncStream<FetchFlight>.Continuation

    public init(
        client: RetailDigitalsClient, database: Database, configuration: FetcherConfiguration,
        clock: WallClock = .system, logger: Logger, metrics: any MetricsFactory
    ) {
        var logger = logger
        logger[metadataKey: "component"] = "fetcher"
        self.client = client
        self.database = database
        self.images = database.imageStore
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        self.metrics = SyncMetrics(factory: metrics)
        self.diskSpace = DiskSpaceGuard(
            directory: database.directory, floor: DiskSpaceFloor(minFree: Int64(configuration.minFreeBytes)),
            logger: logger, metrics: metrics)
        (jobs, jobInput) = AsyncStream.makeStream(of: FetchFlight.self)
    }

    /// Runs the fetches until graceful shutdown (then lets those in flight finish) or cancellation.
    public func run() async throws {
        await withDiscardingTaskGroup { group in
            await withGracefulShutdownHandler {
                for await flight in jobs {
                    group.addTask { await self.perform(flight) }
                }
            } onGracefulShutdown: {
                self.jobInput.finish()
            }
        }
    }

    /// Fetches `barcode` (or joins the fetch in flight) and waits for the whole of it, images
    /// included. `available`: the variants the listing or a bulk-check reported. `nil` only when the
    /// waiting task is cancelled (the fetch itself goes on and is stored).
    public func fetch(
        _ barcode: Barcode, purpose: RequestPurpose, available: [ImageVariant]? = nil
    ) async -> FetchOutcome? {
        await flight(for: barcode, purpose: purpose, available: available).outcome.wait()
    }

    /// Refreshes a stale record in the background (stale-while-revalidate); returns at once. A fetch
    /// of the same barcode in flight is not doubled.
    public func refreshInBackground(_ barcode: Barcode) {
        guard !barcode.isInStore else { return }
        _ = flight(for: barcode, purpose: .scan, available: nil)
    }

    /// The flight of `barcode`: the one in progress, or a new one handed to the task group.
    func flight(for barcode: Barcode, purpose: RequestPurpose, available: [ImageVariant]?) -> FetchFlight {
        let (flight, isNew) = flights.withLock { flights -> (FetchFlight, Bool) in
            if let existing = flights[barcode] { return (existing, false) }
            let flight = FetchFlight(barcode: barcode, purpose: purpose, available: available)
            flights[barcode] = flight
            return (flight, true)
        }
        if isNew, case .terminated = jobInput.yield(flight) {
            end(flight, .failed(.upstream(.unavailable("storesync is shutting down")), credits: .zero))
        }
        return flight
    }

    /// Runs one flight to its end.
    func perform(_ flight: FetchFlight) async {
        let outcome = await fetchAndStore(flight)
        metrics.fetched(purpose: flight.purpose.rawValue, outcome: outcome.label)
        end(flight, outcome)
    }

    private func end(_ flight: FetchFlight, _ outcome: FetchOutcome) {
        flights.withLock { flights in
            if flights[flight.barcode] === flight { flights[flight.barcode] = nil }
        }
        flight.finish(outcome)
    }

    /// The cached product with its stored images, read back through a read connection.
    public func storedProduct(_ barcode: Barcode) async -> HotProduct? {
        try? await database.read { connection -> HotProduct? in
            guard let record = try connection.product(barcode) else { return nil }
            let images = try connection.images(for: barcode).map { image in
                HotImage(
                    variant: image.variant, relativePath: image.relativePath, sha256: image.sha256,
                    bytes: image.bytes, contentType: image.contentType)
            }
            return HotProduct(
                barcode: barcode, productMeta: record.productMeta, imageMeta: record.imageMeta,
                updatedAt: record.updatedAt, fetchedAt: record.fetchedAt, validatedAt: record.validatedAt,
                variantsAvailable: record.variantsAvailable,
                source: record.source, images: images)
        }
    }
}
