import Core
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Store

extension LookupEngine {
    /// `GET /v1/products/{barcode}/images/{variant}`: bytes from memory when cached, else read once
    /// from the image store on the slow path. `ETag` is the quoted sha256; `If-None-Match` → 304.
    func image(
        _ raw: Substring, variant rawVariant: Substring, ifNoneMatch: String?, loop: LoopReader
    ) -> Decision {
        let barcode: Barcode
        do { barcode = try Barcode(validating: raw) } catch {
            return .answer(.error(.badRequest, code: "invalid_barcode", message: "\(error)"))
        }
        guard let variant = ImageVariant(rawValue: String(rawVariant)) else {
            return .answer(
                .error(
                    .notFound, code: "image_not_found",
                    message:
                        "there is no image variant \"\(rawVariant)\"; variants are front, back, front_clean, back_clean"
                ))
        }
        // An ambiguous 8-digit code's product may be cached under the UPC-A of its UPC-E reading.
        guard
            let image = loop.image(barcode, variant: variant)
                ?? barcode.upcEExpansion.flatMap({ loop.image($0, variant: variant) })
        else {
            return .answer(
                .error(
                    .notFound, code: "image_not_found", message: "no \(variant.rawValue) image is stored for \(barcode)"
                ))
        }
        let etag = "\"\(image.sha256)\""
        if let ifNoneMatch, Self.matches(ifNoneMatch, etag: etag) {
            var answer = Answer(status: .notModified, contentType: image.contentType, body: ByteBuffer())
            answer.extraHeaders = [("ETag", etag), ("Cache-Control", "no-cache")]
            return .answer(answer)
        }
        if let bytes = images.bytes(forSHA256: image.sha256) {
            return .answer(imageAnswer(bytes, image: image, etag: etag))
        }
        let path = loop.reader.absolutePath(of: image)
        return .slow { self.loadImage(path: path, image: image, etag: etag) }
    }

    private func loadImage(path: String, image: HotImage, etag: String) -> Answer {
        guard let data = FileManager.default.contents(atPath: path), data.count == Int(image.bytes) else {
            logger.error(
                "stored image is missing or has the wrong size; run `storesync resync --barcode` for it",
                metadata: ["path": "\(path)", "expected_bytes": "\(image.bytes)"])
            return .error(
                .notFound, code: "image_not_found",
                message: "the stored \(image.variant.rawValue) image file is missing or damaged; it is fetched again "
                    + "on the next sync")
        }
        let bytes = ByteBuffer(bytes: data)
        images.insert(bytes, forSHA256: image.sha256)
        return imageAnswer(bytes, image: image, etag: etag)
    }

    private func imageAnswer(_ bytes: ByteBuffer, image: HotImage, etag: String) -> Answer {
        var answer = Answer(status: .ok, contentType: image.contentType, body: bytes)
        answer.extraHeaders = [("ETag", etag), ("Cache-Control", "no-cache")]
        return answer
    }

    /// Whether an `If-None-Match` value names `etag` (a list, weak tags, or `*`).
    static func matches(_ header: String, etag: String) -> Bool {
        for candidate in header.split(separator: ",") {
            var tag = candidate.drop(while: { $0 == " " })
            while tag.last == " " { tag = tag.dropLast() }
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
            if tag == etag { return true }
        }
        return false
    }
}
