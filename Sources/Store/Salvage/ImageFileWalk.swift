import Core
import Foundation

/// The image files under an image root that have the store's own shape,
/// `<first 3 digits>/<barcode>/<variant>.<jpg|png>`; anything else (`.tmp`, stray names) is ignored.
struct ImageFileWalk {
    let root: String

    /// Every well-formed image file, in path order.
    func files() -> [ImageFile] {
        let manager = FileManager.default
        var found: [ImageFile] = []
        for prefix in ((try? manager.contentsOfDirectory(atPath: root)) ?? []).sorted() where prefix.count == 3 {
            let prefixPath = root + "/" + prefix
            for digits in ((try? manager.contentsOfDirectory(atPath: prefixPath)) ?? []).sorted() {
                guard digits.hasPrefix(prefix), let barcode = Barcode(digits), barcode.digits == digits else {
                    continue
                }
                for name in ((try? manager.contentsOfDirectory(atPath: prefixPath + "/" + digits)) ?? []).sorted() {
                    guard let file = file(named: name, barcode: barcode) else { continue }
                    found.append(file)
                }
            }
        }
        return found
    }

    /// The file `name` of `barcode`'s directory, if it is `<variant>.<the variant's extension>`.
    private func file(named name: String, barcode: Barcode) -> ImageFile? {
        guard let variant = ImageVariant.allCases.first(where: { name == "\($0.rawValue).\($0.fileExtension)" }),
            let relative = try? ImageStore.relativePath(barcode: barcode, variant: variant)
        else { return nil }
        return ImageFile(
            barcode: barcode, variant: variant, relativePath: relative,
            contentType: Self.sniff(root + "/" + relative) ?? variant.contentType)
    }

    /// `image/jpeg` or `image/png` from the file's signature, `nil` when it is neither.
    static func sniff(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        return nil
    }
}
