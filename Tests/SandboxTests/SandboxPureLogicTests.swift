import Core
import Crypto
import Foundation
import Testing

@testable import Sandbox

@Suite("Sandbox logic without sockets: windows, parameters, tokens, signed URLs")
struct SandboxPureLogicTests {
    @Test("A rate window aligns to multiples of its length and resets when the next one starts")
    func rateWindow() {
        var window = RateWindow(length: 60)
        window.roll(to: 1_783_009_845)
        window.record()
        window.record()
        #expect(window.remaining(limit: 5) == 3)
        #expect(window.resetAt == 1_783_009_860)
        #expect(window.retryAfter(now: 1_783_009_845.2) == 15)
        window.roll(to: 1_783_009_859)
        #expect(window.count == 2)
        window.roll(to: 1_783_009_860)
        #expect(window.count == 0)
        var day = RateWindow(length: 86_400)
        day.roll(to: 1_783_009_800)
        #expect(day.resetAt == 1_783_036_800)
    }

    @Test("include and variants parse comma lists, default to everything, and reject unknown or empty values")
    func fetchOptions() throws {
        let defaults = try ProductFetchOptions(include: nil, variants: nil)
        #expect(
            defaults.include == Set(IncludeScope.allCases) && defaults.variants == nil && defaults.metadataBlocks == 2)
        let some = try ProductFetchOptions(include: "images, product_meta", variants: "front,front")
        #expect(some.include == [.images, .productMeta] && some.variants == [.front] && some.metadataBlocks == 1)
        #expect(throws: SandboxAPIError.self) { try ProductFetchOptions(include: "images,", variants: nil) }
        #expect(throws: SandboxAPIError.self) { try ProductFetchOptions(include: nil, variants: "FRONT") }
    }

    @Test("The listing query validates paging and filters")
    func listingQuery() throws {
        let query = try ListingQuery([
            "page": "2", "per_page": "500", "updated_since": "2026-07-02", "has_front": "TRUE",
        ])
        #expect(query.page == 2 && query.perPage == 500 && query.hasFront == true)
        #expect(query.updatedSince == Date(timeIntervalSince1970: 1_782_950_400))
        for bad in [["page": "-1"], ["per_page": "1.5"], ["min_digits": "15"], ["updated_since": "2026-02-30"]] {
            #expect(throws: SandboxAPIError.self) { try ListingQuery(bad) }
        }
    }

    @Test("A token family dies as a whole on refresh reuse, and a revoked family answers invalid, not reused")
    func tokenStore() {
        var store = SandboxTokenStore()
        let family = store.newFamily(clientID: "c", id: "f1")
        store.record(accessID: "a1", refresh: "r1", familyID: family, clientID: "c", now: 0)
        let claims = SandboxJWT.Claims(subject: "c", issuedAt: 0, expiresAt: 3600, id: "a1")
        #expect(store.check(claims, now: 10) == .valid(clientID: "c", familyID: "f1"))
        #expect(store.check(claims, now: 3600) == .expired(clientID: "c"))
        #expect(store.consume(refresh: "r1", now: 10) == .valid(clientID: "c", familyID: "f1"))
        store.record(accessID: "a2", refresh: "r2", familyID: family, clientID: "c", now: 10)
        #expect(store.consume(refresh: "r1", now: 11) == .reused(clientID: "c"))
        #expect(store.consume(refresh: "r2", now: 12) == .reused(clientID: "c"))
        #expect(store.check(claims, now: 13) == .revoked(clientID: "c"))

        let other = store.newFamily(clientID: "c", id: "f2")
        store.record(accessID: "b1", refresh: "s1", familyID: other, clientID: "c", now: 0)
        store.revoke(familyID: other)
        #expect(store.consume(refresh: "s1", now: 1) == .invalid)
        #expect(store.consume(refresh: "unknown", now: 1) == .invalid)
    }

    @Test("A JWT verifies only with its key and untouched")
    func jwt() {
        let jwt = SandboxJWT(key: SymmetricKey(size: .bits256))
        let claims = SandboxJWT.Claims(subject: "rd_client_sandbox", issuedAt: 5, expiresAt: 3605, id: "jti_1")
        let token = jwt.sign(claims)
        #expect(jwt.verify(token) == claims)
        #expect(SandboxJWT(key: SymmetricKey(size: .bits256)).verify(token) == nil)
        #expect(jwt.verify(token + "x") == nil)
    }

    @Test("A signed URL checks IP, then single use, then its 15-minute expiry")
    func signedURLs() throws {
        var urls = SandboxSignedURLs(key: SymmetricKey(size: .bits256))
        let token = urls.issue(
            barcode: "017000161563", variant: .front, version: 1, clientID: "c", peerIP: "127.0.0.1", now: 1000,
            nonce: "n1")
        #expect(
            Self.code { () throws(SandboxAPIError) in
                _ = try urls.redeem(token, peerIP: "127.0.0.2", now: 1000, consume: true)
            } == "signed_url_ip_mismatch")
        #expect(try urls.redeem(token, peerIP: "127.0.0.1", now: 1899, consume: true).barcode == "017000161563")
        #expect(
            Self.code { () throws(SandboxAPIError) in
                _ = try urls.redeem(token, peerIP: "127.0.0.1", now: 1001, consume: true)
            } == "signed_url_consumed")
        let late = urls.issue(
            barcode: "017000161563", variant: .front, version: 1, clientID: "c", peerIP: "127.0.0.1", now: 1000,
            nonce: "n2")
        #expect(
            Self.code { () throws(SandboxAPIError) in
                _ = try urls.redeem(late, peerIP: "127.0.0.1", now: 1900, consume: true)
            } == "signed_url_expired")
        #expect(urls.grant(for: "x.y") == nil)
    }

    /// The error code `body` throws, or `nil`.
    static func code(_ body: () throws(SandboxAPIError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return error.code
        }
    }
}
