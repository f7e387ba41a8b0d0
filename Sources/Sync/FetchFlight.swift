import Core
import Upstream

/// One product fetch in progress, shared by every caller that wants the same barcode meanwhile
/// (scans and the sync): one upstream call per barcode at a time.
final class FetchFlight: Sendable {
    let barcode: Barcode
    /// The purpose of the caller that started it (whose share of the request budget it uses).
    let purpose: RequestPurpose
    /// The variants the product has, when the caller knew them.
    let available: [ImageVariant]?
    /// `true` once the metadata is stored (images may still be downloading); `false` when the fetch
    /// ended without storing it.
    let metadataStored = SharedValue<Bool>()
    /// The end of the whole fetch, images included.
    let outcome = SharedValue<FetchOutcome>()

    init(barcode: Barcode, purpose: RequestPurpose, available: [ImageVariant]?) {
        self.barcode = barcode
        self.purpose = purpose
        self.available = available
    }

    /// Ends the flight (the metadata signal too, if it was not given).
    func finish(_ result: FetchOutcome) {
        metadataStored.fulfil(false)
        outcome.fulfil(result)
    }
}
