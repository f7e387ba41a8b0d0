import Core
import Sandbox
import Testing

@testable import Upstream

@Suite("Checking delivered image bytes")
struct ImageProblemTests {
    static func bytes(_ variant: ImageVariant) -> [UInt8] {
        SandboxImages.render(barcode: "017000161563", variant: variant, version: 1, clientID: "rd_client_sandbox")
    }

    @Test("Real images pass with their dimensions", arguments: [ImageVariant.front, .frontClean])
    func realImagesPass(variant: ImageVariant) throws {
        let info = try ImageProblem.check(
            Self.bytes(variant), contentType: "\(variant.contentType); charset=binary", variant: variant,
            maximumBytes: 10 << 20)
        #expect(info.width > 0 && info.height > 0)
        #expect(info.contentType == variant.contentType)
    }

    @Test("A Content-Type that is not the variant's is refused")
    func wrongContentType() {
        #expect(throws: ImageProblem.wrongContentType(found: "text/html", expected: "image/jpeg")) {
            try ImageProblem.check(
                Self.bytes(.front), contentType: "text/html", variant: .front, maximumBytes: 10 << 20)
        }
    }

    @Test("HTML, cut bytes, the wrong format and oversize bytes are refused")
    func badBytes() {
        let html = Array("<html><body>503 Service Unavailable</body></html>".utf8)
        #expect(throws: ImageProblem.self) {
            try ImageProblem.check(html, contentType: nil, variant: .front, maximumBytes: 10 << 20)
        }
        let jpeg = Self.bytes(.front)
        #expect(throws: ImageProblem.self) {
            try ImageProblem.check(
                Array(jpeg.prefix(jpeg.count / 2)), contentType: nil, variant: .front, maximumBytes: 10 << 20)
        }
        #expect(throws: ImageProblem.self) {
            try ImageProblem.check(jpeg, contentType: nil, variant: .frontClean, maximumBytes: 10 << 20)
        }
        #expect(throws: ImageProblem.tooLarge(bytes: jpeg.count, limit: 100)) {
            try ImageProblem.check(jpeg, contentType: nil, variant: .front, maximumBytes: 100)
        }
    }
}
