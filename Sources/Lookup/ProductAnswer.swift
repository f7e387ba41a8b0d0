import Core
import NIOCore

/// Writes the lookup answer of `../shared/product.md` straight into a buffer, splicing the stored
/// `product_meta` JSON text in without parsing or re-encoding it.
struct ProductAnswer {
    /// The state directory, JSON-escaped (without quotes), for absolute image paths.
    let escapedStateDirectory: String

    init(stateDirectory: String) {
        let quoted = JSONValue.quoted(
            stateDirectory.hasSuffix("/") ? String(stateDirectory.dropLast()) : stateDirectory)
        self.escapedStateDirectory = String(quoted.dropFirst().dropLast())
    }

    /// The answer for a cached or live product.
    func write(
        _ product: ProductView, source: String, stale: Bool, catalog: CatalogEntry?, into buffer: inout ByteBuffer
    ) {
        buffer.writeStaticString("{\"barcode\":\"")
        buffer.writeString(product.barcode)
        buffer.writeStaticString("\",\"source\":\"")
        buffer.writeString(source)
        buffer.writeStaticString(stale ? "\",\"stale\":true,\"fetched_at\":\"" : "\",\"stale\":false,\"fetched_at\":\"")
        buffer.writeString(Timestamp.format(unixSeconds: product.fetchedAtMillis / 1000))
        buffer.writeStaticString("\",\"updated_at\":")
        buffer.writeString(JSONValue.quoted(product.updatedAt))
        buffer.writeStaticString(",\"product_meta\":")
        buffer.writeString(product.productMetaJSON)
        buffer.writeStaticString(",\"catalog\":")
        writeCatalog(catalog, into: &buffer)
        buffer.writeStaticString(",\"images\":{")
        for (index, image) in product.images.enumerated() {
            if index > 0 { buffer.writeStaticString(",") }
            buffer.writeStaticString("\"")
            buffer.writeString(image.variant.rawValue)
            buffer.writeStaticString("\":{\"url\":\"/v1/products/")
            buffer.writeString(product.barcode)
            buffer.writeStaticString("/images/")
            buffer.writeString(image.variant.rawValue)
            buffer.writeStaticString("\",\"path\":\"")
            buffer.writeString(escapedStateDirectory)
            buffer.writeStaticString("/")
            buffer.writeString(image.relativePath)
            buffer.writeStaticString("\",\"content_type\":\"")
            buffer.writeString(image.contentType)
            buffer.writeStaticString("\",\"bytes\":")
            buffer.writeString(String(image.bytes))
            buffer.writeStaticString(",\"sha256\":\"")
            buffer.writeString(image.sha256)
            buffer.writeStaticString("\"}")
        }
        buffer.writeStaticString("}}")
    }

    /// The answer for a barcode only the store catalog knows.
    func writeCatalogOnly(barcode: String, catalog: CatalogEntry, into buffer: inout ByteBuffer) {
        buffer.writeStaticString("{\"barcode\":\"")
        buffer.writeString(barcode)
        buffer.writeStaticString(
            "\",\"source\":\"catalog\",\"stale\":false,\"fetched_at\":null,\"updated_at\":null,\"product_meta\":null,\"catalog\":"
        )
        writeCatalog(catalog, into: &buffer)
        buffer.writeStaticString(",\"images\":{}}")
    }

    private func writeCatalog(_ catalog: CatalogEntry?, into buffer: inout ByteBuffer) {
        guard let catalog else {
            buffer.writeStaticString("null")
            return
        }
        buffer.writeString(catalog.json.jsonText)
    }
}
