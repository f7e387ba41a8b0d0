import Core
import Foundation
import TestSupport
import Testing

@testable import Sandbox

/// Debian's real decoders, run as processes on the bytes: `djpeg` and `rdjpgcom`
/// (libjpeg-turbo-progs) and `pngcheck`, which scripts/test installs.
enum ImageTools {
    /// The absolute path of an installed tool, or `nil`.
    static func path(_ name: String) -> String? {
        ["/usr/bin/" + name, "/usr/local/bin/" + name].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let installed = ["djpeg", "rdjpgcom", "pngcheck"].allSatisfy { path($0) != nil }

    /// Runs `tool` with `arguments` off the cooperative pool; its exit status and everything it printed.
    static func run(_ tool: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let executable = try #require(path(tool))
        return try await offThePool {
            let (termination, output) = try SpawnedProcess.output(of: executable, arguments)
            return (termination.status, output)
        }
    }
}

@Suite("Sandbox images: real decoders read them", .enabled(if: ImageTools.installed, "scripts/test installs them"))
struct ImagesDecoderTests {
    /// Per variant: every stock picture unpadded, and delivered files of three versions.
    private func files(_ variant: ImageVariant) -> [[UInt8]] {
        let comment = Array("watermark=rdwm1:00 version=1 image=00".utf8)
        let splice = variant.contentType == "image/png" ? ImageSplice.png : ImageSplice.jpeg
        return SandboxImages.stock[variant]!.map { splice($0, comment, 0) }
            + (1...3).map {
                SandboxImages.render(barcode: "017000161563", variant: variant, version: $0, clientID: "c")
            }
            + [splice(SandboxImages.stock[variant]![0], comment, 150_000)]
    }

    @Test("djpeg decodes every JPEG to 320×320 without a warning, and rdjpgcom reads the comment")
    func djpeg() async throws {
        try await withTemporaryDirectory("images") { directory in
            for variant in [ImageVariant.front, .back] {
                for (index, bytes) in files(variant).enumerated() {
                    let path = directory.appending("\(variant)-\(index).jpg")
                    let decoded = directory.appending("decoded.ppm")
                    try Data(bytes).write(to: URL(fileURLWithPath: path))
                    let run = try await ImageTools.run("djpeg", ["-pnm", "-outfile", decoded, path])
                    #expect(run.status == 0, "djpeg \(variant) \(index): \(run.output)")
                    let header = try Data(contentsOf: URL(fileURLWithPath: decoded)).prefix(15)
                    #expect(String(decoding: header, as: UTF8.self) == "P6\n320 320\n255\n")
                    let comment = try await ImageTools.run("rdjpgcom", [path])
                    #expect(comment.status == 0 && comment.output.hasPrefix("watermark=rdwm1:"))
                    #expect(comment.output.contains(try ImagesStructure(bytes).comment.prefix(60)))
                }
            }
        }
    }

    @Test("pngcheck finds every PNG sound at 320×320 and prints the comment")
    func pngcheck() async throws {
        try await withTemporaryDirectory("images") { directory in
            for variant in [ImageVariant.frontClean, .backClean] {
                for (index, bytes) in files(variant).enumerated() {
                    let path = directory.appending("\(variant)-\(index).png")
                    try Data(bytes).write(to: URL(fileURLWithPath: path))
                    let run = try await ImageTools.run("pngcheck", ["-t", path])
                    #expect(run.status == 0, "pngcheck \(variant) \(index): \(run.output.prefix(500))")
                    #expect(run.output.contains("OK: \(path) (320x320,"))
                    #expect(run.output.contains(try ImagesStructure(bytes).comment.prefix(60)))
                }
            }
        }
    }

    @Test("The decoders do refuse damage: a cut JPEG and a PNG with a changed byte")
    func decodersCanFail() async throws {
        try await withTemporaryDirectory("images") { directory in
            let jpeg = SandboxImages.render(barcode: "017000161563", variant: .front, version: 1, clientID: "c")
            let cut = directory.appending("cut.jpg")
            try Data(jpeg.dropLast(2_000)).write(to: URL(fileURLWithPath: cut))
            #expect(try await ImageTools.run("djpeg", ["-outfile", "/dev/null", cut]).status != 0)
            var png = SandboxImages.render(barcode: "017000161563", variant: .backClean, version: 1, clientID: "c")
            png[png.count - 100] ^= 0x01  // inside the last IDAT
            let damaged = directory.appending("damaged.png")
            try Data(png).write(to: URL(fileURLWithPath: damaged))
            #expect(try await ImageTools.run("pngcheck", [damaged]).status != 0)
        }
    }
}
