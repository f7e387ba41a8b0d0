import Core
import NIOCore
import NIOHTTP1
import Store

extension LookupEngine {
    /// A miss (or an entry too stale to serve first): fetch live within the deadline, else answer
    /// from what is known. `keys`: what the scanned code may mean, in order; a key upstream does not
    /// know (a free 404) passes to the next, all within the one deadline.
    /// `outOfScope`: another reading of the code is known to be outside the brand scope.
    func liveAnswer(
        _ scanned: Barcode, keys: [Barcode], stale: HotProduct?, outOfScope: Bool = false,
        started: ContinuousClock.Instant, _ allocator: ByteBufferAllocator
    ) async -> Answer {
        let deadline = started + configuration.liveTimeout
        var outOfScope = outOfScope
        for key in keys {
            let outcome = await withDeadline(deadline + .milliseconds(250)) {
                await self.backend.fetchLive(key, deadline: deadline)
            }
            switch outcome ?? .unavailable(reason: "timeout") {
            case .found(let view):
                metrics.lookup(source: "live", outcome: "hit", since: started)
                return productAnswer(
                    view, source: "live", stale: false, catalog: catalogEntry(scanned: scanned), allocator)
            case .notFound:
                continue
            case .outOfScope:
                // The copy bought while it was in scope is still the best answer.
                if stale != nil {
                    return unavailable(scanned, reason: "scope_forbidden", stale: stale, started: started, allocator)
                }
                outOfScope = true
            case .unavailable(let reason):
                return unavailable(scanned, reason: reason, stale: stale, started: started, allocator)
            }
        }
        return catalogOrNotFound(
            scanned, catalogEntry(scanned: scanned), inStore: false, outOfScope: outOfScope, started, allocator)
    }

    /// Upstream could not answer: the stale record, else the catalog row, else `503`.
    private func unavailable(
        _ scanned: Barcode, reason: String, stale: HotProduct?, started: ContinuousClock.Instant,
        _ allocator: ByteBufferAllocator
    ) -> Answer {
        let catalog = catalogEntry(scanned: scanned)
        if let stale {
            metrics.lookup(source: "cache", outcome: "stale", since: started)
            return productAnswer(stale, source: "cache", stale: true, catalog: catalog, allocator)
        }
        if let catalog {
            metrics.lookup(source: "catalog", outcome: "hit", since: started)
            return catalogAnswer(scanned, catalog, allocator)
        }
        metrics.lookup(source: "none", outcome: "unavailable", since: started)
        return .error(
            .serviceUnavailable, code: "upstream_unavailable",
            message: "barcode \(scanned) is not cached and Retail Digitals could not answer (\(reason)); "
                + "the scan can be retried, and the product is fetched as soon as upstream answers",
            extra: [("reason", .string(reason))])
    }

    /// The store catalog's row for a scanned code: its own, else (an ambiguous 8-digit code) the row
    /// of the UPC-A its UPC-E reading expands to.
    func catalogEntry(scanned barcode: Barcode) -> CatalogEntry? {
        if let entry = backend.catalogEntry(barcode) { return entry }
        return barcode.upcEExpansion.flatMap(backend.catalogEntry)
    }

    /// The catalog row's answer, else `403 scope_forbidden` (`outOfScope`: upstream has the product
    /// but not for this store's client), else `404 not_found`.
    func catalogOrNotFound(
        _ barcode: Barcode, _ entry: CatalogEntry?, inStore: Bool, outOfScope: Bool = false,
        _ started: ContinuousClock.Instant, _ allocator: ByteBufferAllocator
    ) -> Answer {
        if let entry {
            metrics.lookup(source: "catalog", outcome: "hit", since: started)
            return catalogAnswer(barcode, entry, allocator)
        }
        if outOfScope {
            metrics.lookup(source: "none", outcome: "scope_forbidden", since: started)
            return .error(
                .forbidden, code: "scope_forbidden",
                message: "barcode \(barcode) is in the Retail Digitals catalog but outside this store's brand scope, "
                    + "so storesync cannot show it; add it to the store catalog, or ask Retail Digitals to add its "
                    + "brand to the client's scope and then run `storesync resync --barcode \(barcode.digits)`")
        }
        metrics.lookup(source: "none", outcome: "not_found", since: started)
        let message =
            inStore
            ? "barcode \(barcode) is an in-store code (variable measure or restricted circulation) and the store "
                + "catalog does not list it; add it to the catalog export"
            : "barcode \(barcode) is not in the Retail Digitals catalog nor in the store catalog"
        return .error(.notFound, code: "not_found", message: message)
    }

    private func catalogAnswer(_ barcode: Barcode, _ entry: CatalogEntry, _ allocator: ByteBufferAllocator) -> Answer {
        var buffer = allocator.buffer(capacity: 256)
        encoder.writeCatalogOnly(barcode: barcode.digits, catalog: entry, into: &buffer)
        return Answer(status: .ok, contentType: LookupEngine.jsonType, body: buffer)
    }
}
