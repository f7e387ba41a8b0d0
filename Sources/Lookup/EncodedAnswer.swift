import Core
import NIOCore

/// A fresh cache-hit answer as encoded, and what besides its barcode's change stamp it was made from,
/// so that it is reused only while encoding anew would give the same bytes.
struct EncodedAnswer {
    /// The store catalog's row for the barcode when encoded.
    var catalog: CatalogEntry?
    /// When the record was last validated (ms since 1970): the answer would say `stale`
    /// `metadataTTL` later.
    var validatedAt: Int64
    var body: ByteBuffer

    /// Whether it is still what encoding anew would give (the change stamp checked apart).
    func isCurrent(catalog: CatalogEntry?, now: Int64, ttlMillis: Int64) -> Bool {
        self.catalog == catalog && now - validatedAt <= ttlMillis
    }
}
