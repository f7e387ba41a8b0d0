import Core
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Store

/// The answering rules of the socket, independent of HTTP plumbing: validate the barcode, answer a
/// fresh or acceptably stale cache hit at once on the caller's thread, and hand everything else to
/// the async slow path.
final class LookupEngine: Sendable {
    /// What the fast path decided.
    enum Decision {
        case answer(Answer)
        /// Needs upstream or disk: run `work` off the event loop.
        case slow(@Sendable () async -> Answer)
    }

    let configuration: LookupConfiguration
    let backend: any LookupBackend
    let metrics: LookupMetrics
    let images: ImageCache
    let scans: ScanCounter
    let encoder: ProductAnswer
    /// The wall clock staleness is measured on.
    let now: @Sendable () -> Date
    let logger: Logger

    init(
        configuration: LookupConfiguration, backend: any LookupBackend, imageRoot: String, metrics: LookupMetrics,
        scans: ScanCounter, now: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) {
        self.configuration = configuration
        self.backend = backend
        self.metrics = metrics
        self.images = ImageCache(capacityBytes: configuration.imageCacheBytes)
        self.scans = scans
        self.encoder = ProductAnswer(imageRoot: imageRoot)
        self.now = now
        self.logger = logger
    }

    /// Milliseconds since 1970 by the daemon's clock.
    func nowMillis() -> Int64 { Int64(now().timeIntervalSince1970 * 1000) }

    /// `GET /v1/products/{barcode}` on the event loop: a fresh hit is answered from the loop's
    /// encoded answers when still current, else from its SQLite reader (and kept encoded).
    func product(_ raw: Substring, loop: LoopReader, allocator: ByteBufferAllocator) -> Decision {
        let started = ContinuousClock.now
        let barcode: Barcode
        do { barcode = try Barcode(validating: raw) } catch {
            metrics.lookup(source: "none", outcome: "invalid", since: started)
            return .answer(.error(.badRequest, code: "invalid_barcode", message: "\(error)"))
        }
        scans.record(barcode)
        if barcode.isInStore { return .answer(catalogOrNotFound(barcode, inStore: true, started: started, allocator)) }
        let now = nowMillis()
        let ttl = configuration.metadataTTL.milliseconds
        let reader = loop.reader
        // Read before the lookup: a write committed in between makes the kept answer look older, never newer.
        let generation = reader.writeGeneration
        let catalog = backend.catalogEntry(barcode)
        if let kept = loop.answers.value(for: barcode, at: generation),
            kept.isCurrent(catalog: catalog, now: now, ttlMillis: ttl)
        {
            metrics.lookup(source: "cache", outcome: "hit", since: started)
            return .answer(Answer(status: .ok, contentType: Self.jsonType, body: kept.body))
        }
        if let view = reader.lookup(barcode) {
            let age = now - view.validatedAt.value
            if age <= ttl {
                metrics.lookup(source: "cache", outcome: "hit", since: started)
                let answer = productAnswer(view, source: "cache", stale: false, catalog: catalog, allocator)
                loop.answers.keep(
                    EncodedAnswer(catalog: catalog, validatedAt: view.validatedAt.value, body: answer.body), for: barcode,
                    at: generation)
                return .answer(answer)
            }
            // Validated within `maxStaleness` (a listing that showed a change sets 0: bought on scan).
            if age <= configuration.maxStaleness.milliseconds {
                backend.revalidateInBackground(barcode)
                metrics.lookup(source: "cache", outcome: "stale", since: started)
                return .answer(productAnswer(view, source: "cache", stale: true, catalog: catalog, allocator))
            }
            return .slow { await self.liveAnswer(barcode, stale: view, started: started, allocator) }
        }
        if let negative = reader.negative(barcode),
            now - negative.checkedAt.value <= configuration.negativeTTL.milliseconds
        {
            return .answer(catalogOrNotFound(barcode, inStore: false, started: started, allocator))
        }
        return .slow { await self.liveAnswer(barcode, stale: nil, started: started, allocator) }
    }

    /// A miss (or an entry too stale to serve first): fetch live within the deadline, else answer
    /// from what is known.
    func liveAnswer(
        _ barcode: Barcode, stale: HotProduct?, started: ContinuousClock.Instant, _ allocator: ByteBufferAllocator
    ) async -> Answer {
        let deadline = started + configuration.liveTimeout
        let outcome = await LiveDeadline.run(until: deadline + .milliseconds(250)) {
            await self.backend.fetchLive(barcode, deadline: deadline)
        }
        switch outcome ?? .unavailable(reason: "timeout") {
        case .found(let view):
            metrics.lookup(source: "live", outcome: "hit", since: started)
            return productAnswer(
                view, source: "live", stale: false, catalog: backend.catalogEntry(barcode), allocator)
        case .notFound:
            return catalogOrNotFound(barcode, inStore: false, started: started, allocator)
        case .unavailable(let reason):
            if let stale {
                metrics.lookup(source: "cache", outcome: "stale", since: started)
                return productAnswer(
                    stale, source: "cache", stale: true, catalog: backend.catalogEntry(barcode), allocator)
            }
            if let entry = backend.catalogEntry(barcode) {
                metrics.lookup(source: "catalog", outcome: "hit", since: started)
                return catalogAnswer(barcode, entry, allocator)
            }
            metrics.lookup(source: "none", outcome: "unavailable", since: started)
            return .error(
                .serviceUnavailable, code: "upstream_unavailable",
                message: "barcode \(barcode) is not cached and Retail Digitals could not answer (\(reason)); "
                    + "the scan can be retried, and the product is fetched as soon as upstream answers",
                extra: [("reason", .string(reason))])
        }
    }

    private func catalogOrNotFound(
        _ barcode: Barcode, inStore: Bool, started: ContinuousClock.Instant, _ allocator: ByteBufferAllocator
    ) -> Answer {
        if let entry = backend.catalogEntry(barcode) {
            metrics.lookup(source: "catalog", outcome: "hit", since: started)
            return catalogAnswer(barcode, entry, allocator)
        }
        metrics.lookup(source: "none", outcome: "not_found", since: started)
        let message =
            inStore
            ? "barcode \(barcode) is an in-store code (variable measure or restricted circulation) and the store "
                + "catalog does not list it; add it to the catalog export"
            : "barcode \(barcode) is not in the Retail Digitals catalog nor in the store catalog"
        return .error(.notFound, code: "not_found", message: message)
    }

    /// The content type of every JSON answer.
    static let jsonType = "application/json; charset=utf-8"

    private func productAnswer(
        _ view: HotProduct, source: String, stale: Bool, catalog: CatalogEntry?, _ allocator: ByteBufferAllocator
    ) -> Answer {
        var buffer = allocator.buffer(capacity: view.productMeta.utf8.count + 512 + view.images.count * 256)
        encoder.write(view, source: source, stale: stale, catalog: catalog, into: &buffer)
        return Answer(status: .ok, contentType: Self.jsonType, body: buffer)
    }

    private func catalogAnswer(_ barcode: Barcode, _ entry: CatalogEntry, _ allocator: ByteBufferAllocator) -> Answer {
        var buffer = allocator.buffer(capacity: 256)
        encoder.writeCatalogOnly(barcode: barcode.digits, catalog: entry, into: &buffer)
        return Answer(status: .ok, contentType: "application/json; charset=utf-8", body: buffer)
    }
}

extension Duration {
    /// Whole milliseconds.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
