import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@testable import Upstream

@Suite("No secret ever reaches a log line")
struct SecretHygieneTests {
    @Test("A full workload logs none of the api key, the access and refresh tokens or the signed-URL tokens")
    func fullWorkloadLeaksNothing() async throws {
        try await UpstreamHarness.run { harness in
            let client = harness.client
            var signedURLs: [String] = []
            var errors: [String] = []
            await client.start()
            let barcodes = harness.sandbox.products.filter { $0.variants.contains(.front) }
                .compactMap { Barcode($0.barcode) }.filter { !$0.isInStore }
            // Listing, bulk-check, balance.
            _ = try await client.listChanges(updatedSince: nil, page: 1, perPage: 20, purpose: .sync)
            _ = try await client.bulkCheck(
                Array(barcodes.prefix(5)), idempotencyKey: "storesync-hygiene-2026-07-02-aaaa", purpose: .sync)
            _ = try await client.balance()
            // Fetches and downloads through faults, a refresh, a re-authentication, a consumed URL.
            harness.sandbox.faults.add(FaultRule(.serverError(status: 503), target: .productGet, count: 1))
            harness.sandbox.faults.add(FaultRule(.rateLimited(retryAfter: 1), target: .productGet, count: 1))
            harness.sandbox.faults.add(FaultRule(.malformedJSON, target: .productGet, count: 1))
            harness.sandbox.faults.add(FaultRule(.truncatedBody, target: .imageDelivery, count: 1))
            for (index, barcode) in barcodes.prefix(4).enumerated() {
                if index == 1 { harness.sandbox.clock.advance(by: .seconds(3601)) }
                if index == 2, let access = harness.savedAccessToken {
                    _ = try await SandboxTestClient(baseURL: harness.sandbox.retailDigitalsBaseURL)
                        .send(.POST, "/auth/revoke", token: access, json: [:])
                }
                // A garbled answer of a paid call is not re-sent at once: the caller asks again later.
                let fetch: ProductFetch
                do {
                    fetch = try await client.product(barcode, purpose: .sync, variants: [.front, .frontClean])
                } catch {
                    errors.append("\(error)")
                    fetch = try await client.product(barcode, purpose: .sync, variants: [.front, .frontClean])
                }
                for (variant, url) in fetch.imageURLs {
                    signedURLs.append(url.url)
                    _ = try await client.downloadImage(url, barcode: barcode, variant: variant, purpose: .sync)
                }
                if index == 3, let url = fetch.imageURLs[.front] {
                    _ = try await client.downloadImage(url, barcode: barcode, variant: .front, purpose: .sync)
                }
            }
            // Errors on the way: a non-image download, a 402, a disabled client.
            harness.sandbox.faults.add(FaultRule(.nonImageBytes, target: .imageDelivery, count: 1))
            let last = try await client.product(barcodes[5], purpose: .scan)
            if let url = last.imageURLs[.front] {
                signedURLs.append(url.url)
                let failure = await caught { () async throws(UpstreamError) in
                    try await client.downloadImage(url, barcode: barcodes[5], variant: .front, purpose: .scan)
                }
                errors.append(failure.map { "\($0)" } ?? "")
            }
            harness.sandbox.setCredits(UpstreamHarness.clientID, .zero)
            errors.append(
                "\(await caught { () async throws(UpstreamError) in try await client.product(barcodes[6], purpose: .scan) }!)"
            )
            harness.sandbox.setClientDisabled(UpstreamHarness.clientID, true)
            errors.append("\(await caught { () async throws(UpstreamError) in try await client.balance() }!)")
            let snapshot = await client.snapshot

            #expect(harness.ledger(.refresh).count >= 1)
            #expect(harness.ledger(.imageRedirect).count >= 1)
            var secrets = [UpstreamHarness.apiKey] + harness.tokens.everyToken
            for url in signedURLs {
                secrets.append(url)
                if let token = url.split(separator: "/").last { secrets.append(String(token)) }
            }
            #expect(secrets.count > 8)
            let lines = harness.logs.all
            #expect(lines.count > 20)
            let texts = lines + errors + ["\(snapshot)", String(reflecting: snapshot)]
            for secret in secrets where secret.count >= 8 {
                let leaks = texts.filter { $0.contains(secret) }
                #expect(leaks.isEmpty, "a secret reached \(leaks.count) line(s)")
            }
        }
    }
}
