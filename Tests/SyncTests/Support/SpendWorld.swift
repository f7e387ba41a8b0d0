import Core
import Foundation
import Sandbox
import Store
import Sync
import TestSupport
import Upstream

/// Upstream clients over one state directory's spend ledger (as the daemon wires them), without a
/// sync: each ``client(limit:)`` is a fresh process's client (nothing in memory) on the same database.
struct SpendWorld: Sendable {
    let world: SyncWorld
    let database: Database

    /// The server's UTC day the sandbox's manual clock is on.
    static let day = UnixMillis(SandboxTesting.start)

    /// Opens the state directory's database for `body` and closes it after.
    static func run<T>(_ world: SyncWorld, _ body: (SpendWorld) async throws -> T) async throws -> T {
        let database = try await Database.open(directory: world.stateDirectory, logger: world.logs.logger())
        do {
            let value = try await body(SpendWorld(world: world, database: database))
            try await database.close()
            return value
        } catch {
            try? await database.close()
            throw error
        }
    }

    /// A started client with the daily cap `limit`, which has seen the server's clock (a free call).
    func client(limit: Credits? = nil) async throws -> RetailDigitalsClient {
        let configuration = UpstreamConfiguration(
            baseURL: world.sandbox.retailDigitalsBaseURL,
            credentials: UpstreamCredentials(clientID: SyncWorld.clientID, apiKey: .init(SyncWorld.apiKey)),
            include: [.productMeta, .images], variants: [.front], dailyCreditLimit: limit, scanReserve: 0.2,
            requestTimeout: .seconds(30), callDeadline: .seconds(60), maxImageBytes: 10 << 20,
            retry: RetryPolicy(maximumAttempts: 4, baseDelay: .milliseconds(5), maximumDelay: .milliseconds(40)),
            lowCreditWarning: nil)
        let client = RetailDigitalsClient(
            configuration: configuration, httpClient: SandboxTestClient.http,
            tokens: StoreTokenPersistence(database: database), spend: StoreSpendLedger(database: database),
            logger: world.logs.logger(), metrics: RecordingMetrics())
        await client.start()
        _ = try await client.balance()
        return client
    }

    /// What the ledger in the database holds for the sandbox's day.
    func spent() async throws -> Credits {
        try await database.read { try $0.spend(onDayOf: Self.day) }
    }
}
