import Core
import Store

/// The image-index rows one event loop has read, reused while no write was committed to the database
/// (``ProductReader/writeGeneration``), so that serving a stored image repeatedly skips SQLite. The
/// bytes themselves stay in the shared, size-bounded ``ImageCache``.
final class KnownImages {
    /// One index row (`nil`: none stored) and the generation it was read at.
    private struct Entry {
        var generation: UInt64
        var image: HotImage?
    }

    /// A barcode and variant.
    private struct Key: Hashable {
        var barcode: Barcode
        var variant: ImageVariant
    }

    private var entries: [Key: Entry] = [:]
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The stored image of `barcode` and `variant` (`nil` when none), from memory when still current,
    /// else from `reader`.
    func image(_ barcode: Barcode, variant: ImageVariant, reader: ProductReader) -> HotImage? {
        let key = Key(barcode: barcode, variant: variant)
        let generation = reader.writeGeneration
        if let entry = entries[key], entry.generation == generation { return entry.image }
        let image = reader.image(barcode, variant: variant)
        guard capacity > 0, reader.lastError == nil else { return image }
        if entries.count >= capacity, entries[key] == nil { entries.removeAll(keepingCapacity: true) }
        entries[key] = Entry(generation: generation, image: image)
        return image
    }
}
