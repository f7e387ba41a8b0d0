import Core
import NIOPosix

extension ImageStore {
    /// ``store(_:barcode:variant:)`` on NIO's shared blocking-I/O thread pool, so the sync's fsyncs
    /// never block the cooperative pool (for callers that do not own a pool).
    public func storeOffCooperativePool(
        _ bytes: [UInt8], barcode: Barcode, variant: ImageVariant
    ) async throws -> StoredImage {
        try await store(bytes, barcode: barcode, variant: variant, on: .singleton)
    }

    /// ``remove(barcode:variant:)`` on NIO's shared blocking-I/O thread pool.
    @discardableResult
    public func removeOffCooperativePool(barcode: Barcode, variant: ImageVariant) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { try self.remove(barcode: barcode, variant: variant) }
    }
}
