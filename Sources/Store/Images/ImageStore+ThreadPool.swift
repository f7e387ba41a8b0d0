import Core
import NIOPosix

extension ImageStore {
    /// ``store(_:barcode:variant:)`` on `pool`, so its fsyncs never block the cooperative pool.
    public func store(
        _ bytes: [UInt8], barcode: Barcode, variant: ImageVariant, on pool: NIOThreadPool
    ) async throws -> StoredImage {
        try await pool.runIfActive { try self.store(bytes, barcode: barcode, variant: variant) }
    }

    /// ``verify(index:)`` on `pool` (it reads every indexed byte).
    public func verify(index: [ImageRecord], on pool: NIOThreadPool) async throws -> [ImageProblem] {
        try await pool.runIfActive { self.verify(index: index) }
    }

    /// ``sweepTemporaryFiles()`` on `pool`.
    public func sweepTemporaryFiles(on pool: NIOThreadPool) async throws -> Int {
        try await pool.runIfActive { self.sweepTemporaryFiles() }
    }
}
