import Testing

@testable import Upstream

@Suite("Checking downloaded image bytes")
struct ImageInspectorTests {
    /// A tiny baseline JPEG header with a 640×480 frame, padded and ended with EOI.
    static func jpeg(width: Int = 640, height: Int = 480) -> [UInt8] {
        var b: [UInt8] = [0xFF, 0xD8]
        b += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        b += [
            0xFF, 0xC0, 0x00, 0x11, 0x08, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8),
            UInt8(width & 0xFF),
        ]
        b += [0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        b += [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0] + [0x12, 0x34, 0x56]
        b += [0xFF, 0xD9]
        return b
    }

    /// A structurally minimal PNG (signature, IHDR, IEND).
    static func png(width: Int = 300, height: Int = 200) -> [UInt8] {
        func be(_ v: Int) -> [UInt8] {
            [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
        }
        var b: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        b += be(13) + Array("IHDR".utf8) + be(width) + be(height) + [8, 6, 0, 0, 0] + [0, 0, 0, 0]
        b += be(0) + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
        return b
    }

    @Test("A JPEG's and a PNG's dimensions are read")
    func readsDimensions() throws {
        let jpeg = try ImageInspector.inspect(
            Self.jpeg(), contentType: "image/jpeg", expectedType: "image/jpeg", maximumBytes: 1000)
        #expect(jpeg.width == 640 && jpeg.height == 480)
        let png = try ImageInspector.inspect(
            Self.png(), contentType: "image/png; charset=binary", expectedType: "image/png", maximumBytes: 1000)
        #expect(png.width == 300 && png.height == 200)
    }

    @Test("HTML served as an image is refused", arguments: ["image/jpeg", "image/png"])
    func htmlRefused(type: String) {
        let html = Array("<html><body>Service temporarily unavailable</body></html>".utf8)
        #expect(throws: ImageProblem.self) {
            try ImageInspector.inspect(html, contentType: type, expectedType: type, maximumBytes: 1000)
        }
        #expect(throws: ImageProblem.wrongContentType(found: "text/html", expected: type)) {
            try ImageInspector.inspect(html, contentType: "text/html", expectedType: type, maximumBytes: 1000)
        }
    }

    @Test("Bytes cut short are refused")
    func truncatedRefused() {
        let jpeg = Self.jpeg()
        #expect(throws: ImageProblem.self) {
            try ImageInspector.inspect(
                Array(jpeg.prefix(jpeg.count - 5)), contentType: nil, expectedType: "image/jpeg", maximumBytes: 1000)
        }
        let png = Self.png()
        #expect(throws: ImageProblem.self) {
            try ImageInspector.inspect(
                Array(png.prefix(30)), contentType: nil, expectedType: "image/png", maximumBytes: 1000)
        }
    }

    @Test("A JPEG where a PNG is expected is refused, and so is anything over the cap")
    func wrongKindAndSize() {
        #expect(throws: ImageProblem.notAnImage(expected: "PNG")) {
            try ImageInspector.inspect(Self.jpeg(), contentType: nil, expectedType: "image/png", maximumBytes: 1000)
        }
        #expect(throws: ImageProblem.tooLarge(bytes: Self.png().count, limit: 20)) {
            try ImageInspector.inspect(Self.png(), contentType: nil, expectedType: "image/png", maximumBytes: 20)
        }
        #expect(throws: ImageProblem.empty) {
            try ImageInspector.inspect([], contentType: nil, expectedType: "image/png", maximumBytes: 20)
        }
    }
}
