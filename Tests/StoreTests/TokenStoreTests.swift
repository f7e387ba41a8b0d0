import Core
import Foundation
import TestSupport
import Testing

@testable import Store

@Suite("The token store")
struct TokenStoreTests {
    static let now = UnixMillis(1_780_000_000_000)

    @Test("A saved pair reads back after a restart; an interrupted refresh makes the refresh token unusable")
    func refreshMarkerSurvivesRestart() async throws {
        try await withTemporaryDirectory { directory in
            let first = try await Fixtures.open(directory)
            #expect(try await first.read { try $0.tokens() } == nil)
            try await first.write {
                try $0.saveTokens(
                    accessToken: "eyJ.a.b", expiresAt: Self.now.adding(.seconds(3600)), refreshToken: "rt_one",
                    at: Self.now)
            }
            let saved = try #require(try await first.read { try $0.tokens() })
            #expect(saved.accessToken == "eyJ.a.b" && saved.usableRefreshToken == "rt_one")
            #expect(saved.accessExpiresAt == Self.now.adding(.seconds(3600)))
            try await first.write { try $0.markRefreshInFlight(at: Self.now) }
            try await first.close()

            let second = try await Fixtures.open(directory)
            let found = try #require(try await second.read { try $0.tokens() })
            #expect(found.refreshInFlight)
            #expect(found.refreshToken == "rt_one")
            #expect(found.usableRefreshToken == nil)
            try await second.write {
                try $0.saveTokens(accessToken: "eyJ.c.d", expiresAt: Self.now, refreshToken: "rt_two", at: Self.now)
            }
            #expect(try await second.read { try $0.tokens() }?.usableRefreshToken == "rt_two")
            try await second.write { try $0.clearTokens() }
            #expect(try await second.read { try $0.tokens() } == nil)
            try await second.close()
        }
    }

    @Test("The marker can be set before any token exists and cleared when the request never left")
    func markerWithoutTokens() async throws {
        try await Fixtures.withDatabase { database, _ in
            try await database.write { try $0.markRefreshInFlight(at: Self.now) }
            #expect(try await database.read { try $0.tokens() }?.refreshInFlight == true)
            try await database.write { try $0.clearRefreshInFlight(at: Self.now) }
            #expect(try await database.read { try $0.tokens() }?.refreshInFlight == false)
        }
    }

    @Test("Stored tokens print as [redacted] in every form")
    func redacted() {
        let tokens = StoredTokens(
            accessToken: "eyJ.secret.sig", accessExpiresAt: Self.now, refreshToken: "rt_secret", refreshInFlight: false,
            updatedAt: Self.now)
        var dumped = ""
        dump(tokens, to: &dumped)
        for text in ["\(tokens)", String(reflecting: tokens), dumped, "\([tokens])", "\(Optional(tokens) as Any)"] {
            #expect(!text.contains("secret"), "leaked in: \(text)")
        }
    }

    @Test("A failed write's error names the SQL, never the values bound to it")
    func errorsCarryNoValues() async throws {
        try await Fixtures.withDatabase { database, _ in
            var image = Fixtures.image(Fixtures.cereal, .front)
            image.sha256 = "sk_live_fake_secretvalue"
            image.productUpdatedAt = "rt_secret_refresh"
            do {
                try await database.write { [image] in try $0.saveImage(image) }
                Issue.record("saving an image without its product should fail")
            } catch {
                let text = "\(error) \(String(reflecting: error))"
                #expect(text.contains("FOREIGN KEY"))
                #expect(!text.contains("secret"))
            }
        }
    }
}
