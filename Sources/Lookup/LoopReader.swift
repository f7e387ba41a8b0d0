import Core
import Store

/// What one event loop of the socket keeps for itself: its read-only cache connection and what it
/// derived from it, per barcode while no write changed that barcode. Created on its loop and used
/// only there.
final class LoopReader {
    /// A barcode and an image variant.
    struct ImageKey: Hashable {
        var barcode: Barcode
        var variant: ImageVariant
    }

    /// The loop's own SQLite reader with its prepared statements.
    let reader: ProductReader
    /// Fresh cache-hit answers encoded on this loop.
    let answers: GenerationMemo<Barcode, EncodedAnswer>
    /// Image-index rows read on this loop (`nil`: no image stored).
    let images: GenerationMemo<ImageKey, HotImage?>

    init(reader: ProductReader, answerCapacity: Int) {
        self.reader = reader
        self.answers = GenerationMemo(capacity: answerCapacity)
        self.images = GenerationMemo(capacity: answerCapacity)
    }

    /// The stored image of `barcode` and `variant` (`nil` when none), kept from an earlier read of
    /// the barcode's current change stamp or read now (and kept unless the read failed).
    func image(_ barcode: Barcode, variant: ImageVariant) -> HotImage? {
        let key = ImageKey(barcode: barcode, variant: variant)
        let stamp = reader.changeStamp(of: barcode)
        if let row = images.value(for: key, at: stamp) { return row }
        let image = reader.image(barcode, variant: variant)
        if reader.lastError == nil { images.keep(image, for: key, at: stamp) }
        return image
    }
}
