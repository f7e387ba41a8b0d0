import AsyncHTTPClient
import Core
import Foundation
import Sandbox
import TestSupport
import Testing
import Upstream

@Suite("Image downloads")
struct ImageDownloadTests {
    @Test("A downloaded image is checked and hashed, matching the sandbox's bytes for this client")
    func downloadMatchesGroundTruth() async throws {
        try await UpstreamHarness.run { harness in
            let product = try #require(
                harness.sandbox.products.first {
                    $0.variants.contains(.front) && $0.variants.contains(.frontClean)
                        && !(Barcode($0.barcode)?.isInStore ?? true)
                })
            let barcode = try #require(Barcode(product.barcode))
            let fetch = try await harness.client.product(barcode, purpose: .sync, variants: [.front, .frontClean])
            for variant in [ImageVariant.front, .frontClean] {
                let url = try #require(fetch.imageURLs[variant])
                let image = try await harness.client.downloadImage(
                    url, barcode: barcode, variant: variant, purpose: .sync)
                let truth = harness.sandbox.imageSHA256(
                    barcode: barcode.digits, variant: variant, clientID: UpstreamHarness.clientID)
                #expect(image.sha256 == truth)
                #expect(image.contentType == variant.contentType)
                #expect(image.width > 0 && image.height > 0)
                #expect(image.creditsDebited == .zero)
            }
            #expect(harness.creditsDebited == fetch.expectedCost)
        }
    }

    @Test("A consumed signed URL (410) is replaced once by a fresh one, at one redirect's price")
    func consumedURLIsReplaced() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            let fetch = try await harness.client.product(barcode, purpose: .sync)
            let url = try #require(fetch.imageURLs[.front])
            let first = try await harness.client.downloadImage(url, barcode: barcode, variant: .front, purpose: .sync)
            let second = try await harness.client.downloadImage(url, barcode: barcode, variant: .front, purpose: .sync)
            #expect(first.sha256 == second.sha256)
            #expect(second.creditsDebited == Credits(1))
            #expect(harness.ledger(.imageDelivery).map(\.status) == [200, 410, 200])
            #expect(harness.ledger(.imageRedirect).map(\.status) == [302])
            #expect(harness.creditsDebited == fetch.expectedCost + Credits(1))
        }
    }

    @Test("A signed URL bound to another IP (403) is replaced once by one bound to this machine")
    func ipMismatchIsReplaced() async throws {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.localAddress = "127.0.0.2"
        let otherMachine = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let outcome: Result<Void, any Error>
        do {
            try await downloadAcrossMachines(otherMachine)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        try await otherMachine.shutdown()
        try outcome.get()
    }

    private func downloadAcrossMachines(_ otherMachine: HTTPClient) async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            let elsewhere = harness.makeClient(tokens: RecordingTokenPersistence(), httpClient: otherMachine)
            let fetch = try await elsewhere.product(barcode, purpose: .sync)
            let url = try #require(fetch.imageURLs[.front])
            let image = try await harness.client.downloadImage(url, barcode: barcode, variant: .front, purpose: .sync)
            #expect(
                image.sha256
                    == harness.sandbox.imageSHA256(
                        barcode: barcode.digits, variant: .front, clientID: UpstreamHarness.clientID))
            #expect(harness.ledger(.imageDelivery).map(\.errorCode) == ["signed_url_ip_mismatch", nil])
            #expect(harness.ledger(.imageRedirect).count == 1)
        }
    }

    @Test("Non-image bytes are refused without paying for another URL")
    func nonImageBytes() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            let fetch = try await harness.client.product(barcode, purpose: .sync)
            harness.sandbox.faults.add(FaultRule(.nonImageBytes, target: .imageDelivery, count: 1))
            let url = try #require(fetch.imageURLs[.front])
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.downloadImage(url, barcode: barcode, variant: .front, purpose: .sync)
            }
            #expect(error?.reasonCode == "bad_image")
            #expect(harness.ledger(.imageRedirect).isEmpty)
            #expect(harness.creditsDebited == fetch.expectedCost)
        }
    }

    @Test("A cut image body is retried; the consumed URL is replaced once")
    func truncatedImage() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            let fetch = try await harness.client.product(barcode, purpose: .sync)
            harness.sandbox.faults.add(FaultRule(.truncatedBody, target: .imageDelivery, count: 1))
            let image = try await harness.client.downloadImage(
                try #require(fetch.imageURLs[.front]), barcode: barcode, variant: .front, purpose: .sync)
            #expect(
                image.sha256
                    == harness.sandbox.imageSHA256(
                        barcode: barcode.digits, variant: .front, clientID: UpstreamHarness.clientID))
            #expect(harness.ledger(.imageRedirect).count <= 1)
            #expect(harness.creditsDebited <= fetch.expectedCost + Credits(1))
        }
    }

    @Test("An image over the size cap is refused by its Content-Length")
    func sizeCap() async throws {
        try await UpstreamHarness.run(configure: { $0.maxImageBytes = 200 }) { harness in
            let barcode = try harness.productWithFront()
            let fetch = try await harness.client.product(barcode, purpose: .sync)
            let url = try #require(fetch.imageURLs[.front])
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.downloadImage(url, barcode: barcode, variant: .front, purpose: .sync)
            }
            guard case .badImage(.tooLarge(let bytes, let limit)) = error else {
                Issue.record("expected tooLarge, got \(String(describing: error))")
                return
            }
            #expect(bytes > limit && limit == 200)
        }
    }
}
