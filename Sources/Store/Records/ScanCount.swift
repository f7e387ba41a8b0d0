import Core

/// How often the store's lanes scanned a barcode, and when last.
public struct ScanCount: Sendable, Hashable {
    public var barcode: Barcode
    public var count: Int
    public var lastScannedAt: UnixMillis

    public init(barcode: Barcode, count: Int, lastScannedAt: UnixMillis) {
        self.barcode = barcode
        self.count = count
        self.lastScannedAt = lastScannedAt
    }
}
