import Core
import Store

/// The image-index rows one event loop has read, reused while no write was committed to the database
/// (``ProductReader/writeGeneration``), so that serving a stored image repeatedly skips SQLite. The
/// bytes themselves stay in the shared, size-bounded ``ImageCache``.
final class KnownImages {
    /// A barcode and variant.
    private struct Key: Hashable {
        var barcode: Barcode
        var variant: ImageVariant
    }

    /// Rows read at ``generation`` (`nil`: no image stored).
    private var rows: [Key: HotImage?] = [:]
    /// The write generation every kept row was read at; a newer one drops them all.
    private var generation: UInt64 = 0
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The stored image of `barcode` and `variant` (`nil` when none), from memory when still current,
    /// else from `reader`.
    func image(_ barcode: Barcode, variant: ImageVariant, reader: ProductReader) -> HotImage? {
        let key = Key(barcode: barcode, variant: variant)
        let current = reader.writeGeneration
        if current == generation, let row = rows[key] { return row }
        let image = reader.image(barcode, variant: variant)
        guard capacity > 0, reader.lastError == nil, current >= generation else { return image }
        if current > generation || rows.count >= capacity {
            rows.removeAll(keepingCapacity: true)
            generation = current
        }
        rows[key] = .some(image)
        return image
    }
}
