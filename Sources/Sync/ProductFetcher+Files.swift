import Core
import Logging
import Store

extension ProductFetcher {
    /// Deletes the files of images the cap evicted (their rows are gone), counts and logs them.
    func evict(_ evicted: [ImageRecord]) async {
        guard !evicted.isEmpty else { return }
        await removeFiles(evicted)
        metrics.imagesEvicted(evicted.count)
        for image in evicted {
            logger.info(
                "evicted an image over storage.max_image_bytes; bought again when its product is scanned",
                metadata: [
                    "barcode": "\(image.barcode)", "variant": "\(image.variant.rawValue)", "bytes": "\(image.bytes)",
                ])
        }
    }

    func removeFiles(_ removed: [ImageRecord]) async {
        for image in removed {
            do {
                try await images.removeOffCooperativePool(barcode: image.barcode, variant: image.variant)
            } catch {
                logger.warning(
                    "cannot delete an image file",
                    metadata: [
                        "barcode": "\(image.barcode)", "variant": "\(image.variant.rawValue)", "error": "\(error)",
                    ])
            }
        }
    }
}
