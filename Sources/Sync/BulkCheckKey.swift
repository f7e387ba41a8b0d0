import Core
import Foundation
import Store

/// The Idempotency-Key of one bulk-check call (pure):
/// `storesync-<client_id>-<UTC yyyy-mm-dd>-<first 16 hex of sha256(exact body bytes)>`.
///
/// The same barcodes on the same UTC day give the same key and byte-identical body (barcodes are
/// sorted), so a retried job is replayed for free; another body gives another key, so it never
/// meets `409 idempotency_key_mismatch`. A day changes the key, so a check is never answered from a
/// stale day. The key is 20–255 printable characters as the contract requires (a client id is
/// cut to fit).
enum BulkCheckKey {
    /// The request body upstream receives for `barcodes` (already sorted), byte for byte as the
    /// client writes it.
    static func body(_ barcodes: [Barcode]) -> [UInt8] {
        JSONValue.object([("barcodes", .array(barcodes.map { .string($0.digits) }))]).jsonBytes
    }

    /// The key for checking `barcodes` on `day` (`YYYY-MM-DD`, UTC). `barcodes` must be sorted.
    static func make(clientID: String, day: String, barcodes: [Barcode]) -> String {
        let digest = ImageDigest.sha256(body(barcodes)).prefix(16)
        let safeClient = String(
            String.UnicodeScalarView(
                clientID.unicodeScalars.filter { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }
                    .prefix(200)))
        return "storesync-\(safeClient.isEmpty ? "client" : safeClient)-\(day)-\(digest)"
    }

    /// Sorted chunks of at most `size` barcodes.
    static func chunks(_ barcodes: [Barcode], size: Int = 500) -> [[Barcode]] {
        let sorted = Array(Set(barcodes)).sorted()
        return stride(from: 0, to: sorted.count, by: size).map { Array(sorted[$0..<min($0 + size, sorted.count)]) }
    }
}
