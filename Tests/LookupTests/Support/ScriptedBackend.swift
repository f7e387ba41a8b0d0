import Core
import Foundation
import Lookup
import Store
import Synchronization

/// A ``LookupBackend`` whose live fetches follow a script: per barcode, store a product (writing it
/// to the real database like the product fetcher does), answer not found, fail, or hang.
final class ScriptedBackend: LookupBackend {
    enum Script: Sendable {
        case store(productMeta: String)
        case notFound
        case unavailable(String)
        case hang
        /// Stores the product after `delay` (an upstream call in flight).
        case slow(Duration, productMeta: String)
    }

    private struct State {
        var scripts: [Barcode: Script] = [:]
        var catalog: [Barcode: CatalogEntry] = [:]
        var liveCalls: [Barcode] = []
        var refreshes: [Barcode] = []
        var shelfBodies: [[UInt8]] = []
        var syncBodies: [[UInt8]] = []
    }

    private let state = Mutex(State())
    let database: Database

    init(database: Database) { self.database = database }

    func script(_ barcode: String, _ script: Script) {
        state.withLock { $0.scripts[Barcode(barcode)!] = script }
    }

    func addCatalog(_ barcode: String, name: String, cents: Int64) {
        let code = Barcode(barcode)!
        state.withLock { $0.catalog[code] = CatalogEntry(barcode: code, name: name, price: Money(cents: cents)) }
    }

    var liveCalls: [Barcode] { state.withLock { $0.liveCalls } }
    /// Shelf change bodies and sync requests that reached the daemon.
    var writes: Int { state.withLock { $0.shelfBodies.count + $0.syncBodies.count } }
    var refreshes: [Barcode] { state.withLock { $0.refreshes } }

    func fetchLive(_ barcode: Barcode, deadline: ContinuousClock.Instant) async -> LiveOutcome {
        var script = state.withLock { state -> Script in
            state.liveCalls.append(barcode)
            return state.scripts[barcode] ?? .notFound
        }
        if case .slow(let delay, let meta) = script {
            try? await Task.sleep(for: delay)
            script = .store(productMeta: meta)
        }
        switch script {
        case .slow: return .unavailable(reason: "unreachable")
        case .store(let meta):
            let record = ProductRecord(
                barcode: barcode, productMeta: meta, updatedAt: "2026-07-01T00:00:00Z", fetchedAt: .now(), source: .live
            )
            try? await database.write { try $0.saveProduct(record) }
            let reader = try? database.makeProductReader()
            guard let product = reader?.lookup(barcode) else { return .unavailable(reason: "store") }
            return .found(product)
        case .notFound:
            return .notFound
        case .unavailable(let reason):
            return .unavailable(reason: reason)
        case .hang:
            try? await Task.sleep(for: .seconds(30))
            return .unavailable(reason: "hung")
        }
    }

    func revalidateInBackground(_ barcode: Barcode) {
        state.withLock { $0.refreshes.append(barcode) }
    }

    func catalogEntry(_ barcode: Barcode) -> CatalogEntry? { state.withLock { $0.catalog[barcode] } }

    func startSync(body: [UInt8]) async -> ControlAnswer {
        state.withLock { $0.syncBodies.append(body) }
        return ControlAnswer(status: 202, body: ["sync_id": "1", "state": "queued"])
    }

    func syncRun(id: String) async -> ControlAnswer {
        id == "1"
            ? ControlAnswer(status: 200, body: ["sync_id": "1", "state": "running"])
            : ControlAnswer(status: 404, body: ["error": ["code": "not_found", "message": .string("no sync \(id)")]])
    }

    /// When set, `GET /v1/status` waits until ``releaseStatus()``.
    let holdStatus = Mutex(false)
    private let statusGate = SharedValue<Void>()

    /// Lets every held status request answer.
    func releaseStatus() { statusGate.fulfil(()) }

    func status() async -> ControlAnswer {
        if holdStatus.withLock({ $0 }) { await statusGate.wait() }
        return ControlAnswer(status: 200, body: ["version": "test"])
    }

    func enqueueShelfChanges(body: [UInt8]) async -> ControlAnswer {
        state.withLock { $0.shelfBodies.append(body) }
        return ControlAnswer(status: 202, body: ["accepted": 1])
    }

    func metricsText() async -> String { "# metrics\n" }

    func usage(month: String?) async -> ControlAnswer {
        ControlAnswer(status: 200, body: ["month": .string(month ?? "")])
    }
}
