import Core
import Store
import Upstream

extension ProductFetcher {
    /// A scan-time miss: fetches `barcode` (or joins the fetch in flight) and answers by `deadline`
    /// even when upstream is slow. The fetch is never cancelled at the deadline (a paid call retried
    /// would be paid twice): it goes on and is stored when it lands. Images are waited for only while
    /// the deadline allows; a product whose metadata is stored by then is `found` with the images
    /// stored so far.
    public func fetchLive(_ barcode: Barcode, deadline: ContinuousClock.Instant) async -> LiveFetchResult {
        if barcode.isInStore { return .notFound }
        let first = flight(for: barcode, purpose: .scan, available: nil)
        var flight = first
        var outcome = await first.outcome.wait(until: deadline)
        if case .failed(.upstream(.scanReserveOnly), _) = outcome, first.purpose != .scan,
            ContinuousClock.now < deadline
        {
            // A sync's fetch may not use the scan reserve; a scan may: ask again as a scan.
            flight = self.flight(for: barcode, purpose: .scan, available: nil)
            outcome = await flight.outcome.wait(until: deadline)
        }
        switch outcome {
        case nil:
            if flight.metadataStored.current == true, let product = await storedProduct(barcode) {
                return .found(product)
            }
            return .unavailable(reason: "timeout")
        case .stored, .partial:
            guard let product = await storedProduct(barcode) else { return .unavailable(reason: "unavailable") }
            return .found(product)
        case .notFound:
            return .notFound
        case .failed(.diskFull, _):
            return .unavailable(reason: "disk_full")
        case .failed(.upstream(.forbidden(code: "scope_forbidden")), _):
            return .outOfScope
        case .failed(let failure, _):
            return .unavailable(reason: failure.upstreamError.map(LiveFetchResult.reason(for:)) ?? "unavailable")
        }
    }
}
