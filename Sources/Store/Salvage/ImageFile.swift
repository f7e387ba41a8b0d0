import Core

/// One image file ``ImageFileWalk`` found on disk, in the store's own layout.
struct ImageFile {
    var barcode: Barcode
    var variant: ImageVariant
    /// Path under the image root.
    var relativePath: String
    /// From the file's first bytes (JPEG or PNG signature), else from its extension.
    var contentType: String
}
