import Core
import Foundation
import Sandbox
import Synchronization
import TestSupport
import Testing
import Upstream

@Suite("Tokens against the sandbox")
struct TokenLifecycleTests {
    @Test("A token that expires mid-run is refreshed once and the call is retried once, charged once")
    func tokenExpiresMidRun() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.product(barcode, purpose: .sync)
            harness.sandbox.clock.advance(by: .seconds(3601))
            let second = try await harness.client.product(barcode, purpose: .sync)
            #expect(second.creditsDebited == second.expectedCost)
            #expect(harness.ledger(.token).count == 1)
            #expect(harness.ledger(.refresh).map(\.status) == [200])
            let gets = harness.ledger(.productGet)
            #expect(gets.map(\.status) == [200, 401, 200])
            #expect(gets[1].errorCode == "token_expired")
            #expect(gets[1].creditsDebited == .zero)
            #expect(harness.tokens.refreshMarkCount == 1)
            #expect(harness.tokens.saveCount == 2)
            #expect(harness.tokens.current.refreshInFlight == false)
        }
    }

    @Test("A token close to its expiry is refreshed ahead, before the server refuses it, and not before")
    func refreshAhead() async throws {
        var sandbox = UpstreamHarness.sandboxConfiguration()
        sandbox.accessTokenLifetime = .seconds(600)
        let clock = ManualClock()
        try await UpstreamHarness.run(sandbox, clock: clock.wallClock, configure: { $0.refreshAhead = .seconds(60) }) {
            harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.product(barcode, purpose: .sync)
            // A second short of the refresh window (600 s − 60 s): the held token is used.
            clock.advance(by: .seconds(539))
            _ = try await harness.client.product(barcode, purpose: .sync)
            #expect(harness.ledger(.refresh).isEmpty)
            // Inside the window: renewed ahead, while the server (its clock unmoved) still takes it.
            clock.advance(by: .seconds(2))
            _ = try await harness.client.product(barcode, purpose: .sync)
            #expect(harness.ledger(.refresh).map(\.status) == [200])
            #expect(harness.ledger(.productGet).map(\.status) == [200, 200, 200])
        }
    }

    @Test("Racing callers that need a refresh cause exactly one refresh", arguments: [2, 20])
    func racingCallersRefreshOnce(callers: Int) async throws {
        try await UpstreamHarness.run { harness in
            let barcodes = harness.sandbox.products.compactMap { Barcode($0.barcode) }.filter { !$0.isInStore }
            _ = try await harness.client.product(barcodes[0], purpose: .sync)
            harness.sandbox.clock.advance(by: .seconds(3601))
            let client = harness.client
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<callers {
                    let barcode = barcodes[(index + 1) % barcodes.count]
                    group.addTask {
                        do {
                            _ = try await client.product(barcode, purpose: .scan)
                            return true
                        } catch { return false }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.allSatisfy { $0 })
            #expect(harness.ledger(.refresh).map(\.status) == [200])
            #expect(harness.ledger(.token).count == 1)
            #expect(!harness.sandbox.ledger().contains { $0.errorCode == "refresh_token_reused" })
            let charged = harness.ledger(.productGet).filter { $0.status == 200 }
            #expect(charged.count == callers + 1)
        }
    }

    @Test("A refresh token already used elsewhere makes the client fall back to its credentials once")
    func reusedRefreshToken() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.product(barcode, purpose: .sync)
            let stolen = try #require(harness.tokens.current.tokens?.refreshToken.revealed)
            let used = try await SandboxTestClient(baseURL: harness.sandbox.retailDigitalsBaseURL)
                .send(.POST, "/auth/refresh", json: ["refresh_token": .string(stolen)])
            #expect(used.status == 200)
            harness.sandbox.clock.advance(by: .seconds(3601))
            let fetch = try await harness.client.product(barcode, purpose: .sync)
            #expect(fetch.creditsDebited == fetch.expectedCost)
            #expect(harness.ledger(.refresh).map(\.errorCode) == [nil, "refresh_token_reused"])
            #expect(harness.ledger(.token).map(\.status) == [200, 200])
            #expect(harness.ledger(.productGet).filter { $0.creditsDebited > .zero }.count == 2)
        }
    }

    @Test("A revoked access token (invalid_token) makes the client authenticate again and retry once")
    func invalidToken() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.product(barcode, purpose: .sync)
            let access = try #require(harness.savedAccessToken)
            let revoked = try await SandboxTestClient(baseURL: harness.sandbox.retailDigitalsBaseURL)
                .send(.POST, "/auth/revoke", token: access, json: [:])
            #expect(revoked.status == 200)
            _ = try await harness.client.product(barcode, purpose: .sync)
            #expect(harness.ledger(.productGet).map(\.errorCode) == [nil, "invalid_token", nil])
            #expect(harness.ledger(.token).count == 2)
            #expect(harness.ledger(.refresh).isEmpty)
        }
    }

    @Test("Saved tokens survive a restart: the next process makes no new exchange")
    func tokensSurviveRestart() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.product(barcode, purpose: .sync)
            let restarted = harness.makeClient(tokens: harness.tokens)
            _ = try await restarted.product(barcode, purpose: .sync)
            #expect(harness.ledger(.token).count == 1)
            #expect(harness.ledger(.refresh).isEmpty)
        }
    }

    @Test("A refresh marker found at start means the saved refresh token is never sent again")
    func markerAtStart() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.product(barcode, purpose: .sync)
            let saved = try #require(harness.tokens.current.tokens)
            let interrupted = RecordingTokenPersistence(StoredTokenState(tokens: saved, refreshInFlight: true))
            let restarted = harness.makeClient(tokens: interrupted)
            harness.sandbox.clock.advance(by: .seconds(3601))
            _ = try await restarted.product(barcode, purpose: .sync)
            #expect(harness.ledger(.refresh).isEmpty)
            #expect(harness.ledger(.token).count == 2)
            #expect(interrupted.current.refreshInFlight == false)
            #expect(interrupted.current.tokens?.refreshToken != saved.refreshToken)
        }
    }

    @Test("Refused credentials stop every call at once, with no further traffic")
    func invalidCredentials() async throws {
        try await UpstreamHarness.run(configure: { $0.credentials.apiKey = Secret("sk_test_wrong") }) { harness in
            let barcode = try harness.productWithFront()
            await #expect(throws: UpstreamError.invalidCredentials) {
                try await harness.client.product(barcode, purpose: .scan)
            }
            let requests = harness.sandbox.ledger().count
            await #expect(throws: UpstreamError.invalidCredentials) {
                try await harness.client.listChanges(updatedSince: nil, page: 1, purpose: .sync)
            }
            #expect(harness.sandbox.ledger().count == requests)
            #expect(await harness.client.snapshot.auth == .invalidCredentials)
        }
    }

    @Test("The refresh marker is durable before the refresh reaches the server, and cleared with the new pair")
    func markerBeforeRefresh() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.product(barcode, purpose: .sync)
            let tokens = harness.tokens
            let seen = Mutex<[Bool]>([])
            harness.sandbox.setRequestHook { info in
                if info.endpoint == .refresh { seen.withLock { $0.append(tokens.current.refreshInFlight) } }
            }
            harness.sandbox.clock.advance(by: .seconds(3601))
            _ = try await harness.client.product(barcode, purpose: .sync)
            #expect(seen.withLock { $0 } == [true])
            #expect(tokens.current.refreshInFlight == false)
        }
    }

    @Test("Twenty callers finding the token about to expire share one refresh ahead of expiry")
    func racingRefreshAhead() async throws {
        var sandbox = UpstreamHarness.sandboxConfiguration()
        sandbox.accessTokenLifetime = .seconds(600)
        let clock = ManualClock()
        try await UpstreamHarness.run(sandbox, clock: clock.wallClock, configure: { $0.refreshAhead = .seconds(60) }) {
            harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.listChanges(updatedSince: nil, page: 1, perPage: 1, purpose: .sync)
            clock.advance(by: .seconds(541))
            let client = harness.client
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<20 { group.addTask { _ = try await client.product(barcode, purpose: .scan) } }
                try await group.waitForAll()
            }
            #expect(harness.ledger(.refresh).map(\.status) == [200])
            #expect(harness.ledger(.productGet).allSatisfy { $0.status == 200 })
        }
    }
}
