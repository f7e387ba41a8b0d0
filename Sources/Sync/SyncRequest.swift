import Core
import Store

/// A request to sync: what to cover and who asks.
public struct SyncRequest: Sendable, Hashable {
    public var mode: SyncMode
    /// The barcodes to fetch (mode `barcodes` only).
    public var barcodes: [Barcode]
    public var origin: SyncOrigin

    public init(mode: SyncMode, barcodes: [Barcode] = [], origin: SyncOrigin) {
        self.mode = mode
        self.barcodes = mode == .barcodes ? Array(Set(barcodes)).sorted() : []
        self.origin = origin
    }

    /// A delta sync (what changed since the watermark).
    public static func delta(_ origin: SyncOrigin = .manual) -> SyncRequest {
        SyncRequest(mode: .delta, origin: origin)
    }

    /// A full refresh of every carried product.
    public static func full(_ origin: SyncOrigin = .manual) -> SyncRequest { SyncRequest(mode: .full, origin: origin) }

    /// A fetch of exactly `barcodes`.
    public static func barcodes(_ barcodes: [Barcode], origin: SyncOrigin = .manual) -> SyncRequest {
        SyncRequest(mode: .barcodes, barcodes: barcodes, origin: origin)
    }
}
