import Core
import Foundation
import Store
import Sync
import TestSupport
import Testing
import Upstream

@Suite("Store adapters for the upstream client")
struct StoreAdapterTests {
    @Test("Tokens survive a reopen; the refresh marker is durable and cleared by the next saved pair")
    func tokenPersistence() async throws {
        try await withTemporaryDirectory("tokens") { directory in
            let expires = Date(timeIntervalSince1970: 1_783_013_400)
            do {
                let database = try await Database.open(directory: directory.path, logger: SyncTestLogs.silent)
                let persistence = StoreTokenPersistence(database: database)
                #expect(try await persistence.loadTokens() == StoredTokenState(tokens: nil, refreshInFlight: false))
                try await persistence.saveTokens(
                    PersistedTokens(accessToken: .init("at_1"), accessExpiresAt: expires, refreshToken: .init("rt_1"))
                )
                try await persistence.markRefreshInFlight()
                try await database.close()
            }
            let database = try await Database.open(directory: directory.path, logger: SyncTestLogs.silent)
            let persistence = StoreTokenPersistence(database: database)
            let loaded = try await persistence.loadTokens()
            #expect(loaded.refreshInFlight)
            #expect(loaded.tokens?.accessToken.revealed == "at_1")
            #expect(loaded.tokens?.refreshToken.revealed == "rt_1")
            #expect(loaded.tokens?.accessExpiresAt == expires)
            try await persistence.saveTokens(
                PersistedTokens(accessToken: .init("at_2"), accessExpiresAt: expires, refreshToken: .init("rt_2")))
            let saved = try await persistence.loadTokens()
            #expect(!saved.refreshInFlight)
            #expect(saved.tokens?.refreshToken.revealed == "rt_2")
            try await persistence.clearTokens()
            #expect(try await persistence.loadTokens().tokens == nil)
            try await database.close()
        }
    }

    @Test("Spent credits add up per UTC day and survive a reopen")
    func spendLedger() async throws {
        try await withTemporaryDirectory("spend") { directory in
            do {
                let database = try await Database.open(directory: directory.path, logger: SyncTestLogs.silent)
                let ledger = StoreSpendLedger(database: database)
                try await ledger.record(Credits(thousandths: 1300), onUTCDay: "2026-07-02")
                try await ledger.record(Credits(thousandths: 2600), onUTCDay: "2026-07-02")
                try await ledger.record(Credits(1), onUTCDay: "2026-07-03")
                await #expect(throws: (any Error).self) { try await ledger.record(Credits(1), onUTCDay: "yesterday") }
                try await database.close()
            }
            let database = try await Database.open(directory: directory.path, logger: SyncTestLogs.silent)
            let ledger = StoreSpendLedger(database: database)
            #expect(try await ledger.spent(onUTCDay: "2026-07-02") == Credits(thousandths: 3900))
            #expect(try await ledger.spent(onUTCDay: "2026-07-03") == Credits(1))
            #expect(try await ledger.spent(onUTCDay: "2026-07-04") == .zero)
            try await database.close()
        }
    }
}
