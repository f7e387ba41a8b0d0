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
    ///
    /// An ambiguous 8-digit code (valid as EAN-8 and as UPC-E) may mean two products: the one
    /// cached answers (the EAN-8 first, unless the store catalog lists only the UPC-A); with neither
    /// cached, those without a fresh negative entry are fetched live in that order (a 404 is free).
    func product(_ raw: Substring, loop: LoopReader, allocator: ByteBufferAllocator) -> Decision {
        let started = ContinuousClock.now
        let barcode: Barcode
        do { barcode = try Barcode(validating: raw) } catch {
            metrics.lookup(source: "none", outcome: "invalid", since: started)
            return .answer(.error(.badRequest, code: "invalid_barcode", message: "\(error)"))
        }
        if barcode.isInStore {
            scans.record(barcode)
            return .answer(catalogOrNotFound(barcode, backend.catalogEntry(barcode), inStore: true, started, allocator))
        }
        let now = nowMillis()
        var first = barcode
        var second = barcode.upcEExpansion
        var catalog = backend.catalogEntry(barcode)
        if let upcA = second, catalog == nil, let entry = backend.catalogEntry(upcA) {
            (first, second, catalog) = (upcA, barcode, entry)
        }
        if let decision = cached(first, scanned: barcode, catalog: catalog, loop, now, started, allocator) {
            return decision
        }
        if let second,
            let decision = cached(second, scanned: barcode, catalog: catalog, loop, now, started, allocator)
        {
            return decision
        }
        scans.record(barcode)
        let unknown = [first] + (second.map { [$0] } ?? [])
        // A fresh `scope_forbidden` entry answers like a fresh 404, with its own code.
        var outOfScope = false
        let keys = unknown.filter { key in
            guard let negative = loop.reader.negative(key) else { return true }
            let expired = now - negative.checkedAt.value > configuration.negativeTTL.wholeMilliseconds
            if !expired, negative.reason == .scopeForbidden { outOfScope = true }
            return expired
        }
        if keys.isEmpty {
            return .answer(
                catalogOrNotFound(barcode, catalog, inStore: false, outOfScope: outOfScope, started, allocator))
        }
        return .slow { [outOfScope] in
            await self.liveAnswer(
                barcode, keys: keys, stale: nil, outOfScope: outOfScope, started: started, allocator)
        }
    }

    /// The answer for `key` when it is cached: fresh (kept encoded), acceptably stale (refreshed in
    /// the background), or too stale to serve first (a live fetch); `nil` when it is not cached.
    private func cached(
        _ key: Barcode, scanned: Barcode, catalog: CatalogEntry?, _ loop: LoopReader, _ now: Int64,
        _ started: ContinuousClock.Instant, _ allocator: ByteBufferAllocator
    ) -> Decision? {
        let ttl = configuration.metadataTTL.wholeMilliseconds
        // Read before the lookup: a write committed in between makes the kept answer look older, never newer.
        let stamp = loop.reader.changeStamp(of: key)
        if let kept = loop.answers.value(for: key, at: stamp),
            kept.isCurrent(catalog: catalog, now: now, ttlMillis: ttl)
        {
            scans.record(key)
            metrics.lookup(source: "cache", outcome: "hit", since: started)
            return .answer(Answer(status: .ok, contentType: Self.jsonType, body: kept.body))
        }
        guard let view = loop.reader.lookup(key) else { return nil }
        scans.record(key)
        let age = now - view.validatedAt.value
        if age <= ttl, view.hasEvictedImages {
            // The image-store cap evicted an image of it: a scan buys the product again (the cache
            // answers if upstream cannot).
            return .slow { await self.liveAnswer(scanned, keys: [key], stale: view, started: started, allocator) }
        }
        if age <= ttl {
            metrics.lookup(source: "cache", outcome: "hit", since: started)
            let answer = productAnswer(view, source: "cache", stale: false, catalog: catalog, allocator)
            loop.answers.keep(
                EncodedAnswer(catalog: catalog, validatedAt: view.validatedAt.value, body: answer.body), for: key,
                at: stamp)
            return .answer(answer)
        }
        // Validated within `maxStaleness` (a listing that showed a change sets 0: bought on scan).
        if age <= configuration.maxStaleness.wholeMilliseconds {
            backend.revalidateInBackground(key)
            metrics.lookup(source: "cache", outcome: "stale", since: started)
            return .answer(productAnswer(view, source: "cache", stale: true, catalog: catalog, allocator))
        }
        return .slow { await self.liveAnswer(scanned, keys: [key], stale: view, started: started, allocator) }
    }

    /// The content type of every JSON answer.
    static let jsonType = "application/json; charset=utf-8"

    func productAnswer(
        _ view: HotProduct, source: String, stale: Bool, catalog: CatalogEntry?, _ allocator: ByteBufferAllocator
    ) -> Answer {
        var buffer = allocator.buffer(capacity: view.productMeta.utf8.count + 512 + view.images.count * 256)
        encoder.write(view, source: source, stale: stale, catalog: catalog, into: &buffer)
        return Answer(status: .ok, contentType: Self.jsonType, body: buffer)
    }
}
