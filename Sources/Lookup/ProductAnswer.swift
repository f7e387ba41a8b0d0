import Core
import NIOCore
import Store

/// Writes the lookup answer of `../shared/product.md` straight into a buffer, splicing the stored
/// `product_meta` JSON text in without parsing or re-encoding it.
struct ProductAnswer {
    /// The image root, JSON-escaped (without quotes), for absolute image paths.
    let escapedImageRoot: String

    init(imageRoot: String) {
        let quoted = JSONValue.quoted(imageRoot.hasSuffix("/") ? String(imageRoot.dropLast()) : imageRoot)
        self.escapedImageRoot = String(quoted.dropFirst().dropLast())
    }

    /// The answer for a cached or live product.
    func write(
        _ product: HotProduct, source: String, stale: Bool, catalog: CatalogEntry?, into buffer: inout ByteBuffer
    ) {
        buffer.writeStaticString("{\"barcode\":\"")
        buffer.writeString(product.barcode.digits)
        buffer.writeStaticString("\",\"source\":\"")
        buffer.writeString(source)
        buffer.writeStaticString(stale ? "\",\"stale\":true,\"fetched_at\":\"" : "\",\"stale\":false,\"fetched_at\":\"")
        buffer.writeString(Timestamp.format(unixSeconds: product.fetchedAt.value / 1000))
        buffer.writeStaticString("\",\"updated_at\":")
        buffer.writeString(JSONValue.quoted(product.updatedAt))
        buffer.writeStaticString(",\"product_meta\":")
        buffer.writeString(product.productMeta)
        buffer.writeStaticString(",\"catalog\":")
        writeCatalog(catalog, into: &buffer)
        buffer.writeStaticString(",\"images\":{")
        for (index, image) in product.images.enumerated() {
            if index > 0 { buffer.writeStaticString(",") }
            buffer.writeStaticString("\"")
            buffer.writeString(image.variant.rawValue)
            buffer.writeStaticString("\":{\"url\":\"/v1/products/")
            buffer.writeString(product.barcode.digits)
            buffer.writeStaticString("/images/")
            buffer.writeString(image.variant.rawValue)
            buffer.writeStaticString("\",\"path\":\"")
            buffer.writeString(escapedImageRoot)
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
