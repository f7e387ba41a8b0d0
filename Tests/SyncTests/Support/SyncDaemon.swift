import Core
import Foundation
import Sandbox
import Store
import Sync
import TestSupport
import Upstream

/// One daemon instance of a ``SyncWorld``: its services and helpers to drive and inspect them.
struct SyncDaemon: Sendable {
    let world: SyncWorld
    let database: Database
    let client: RetailDigitalsClient
    let fetcher: ProductFetcher
    let engine: SyncEngine
    let watcher: CatalogWatcher
    let metrics: RecordingMetrics

    /// Starts `request` and waits until its run is in one of `states`.
    @discardableResult
    func sync(
        _ request: SyncRequest, until states: Set<SyncRunState> = [.succeeded, .failed, .paused]
    ) async throws
        -> SyncRun
    {
        let (run, _) = try await engine.start(request)
        return try await wait(for: run.id, until: states)
    }

    /// Waits until run `id` is in one of `states`.
    func wait(for id: Int64, until states: Set<SyncRunState> = [.succeeded, .failed, .paused]) async throws -> SyncRun {
        var found: SyncRun?
        try await eventually("sync \(id) to reach \(states.map(\.rawValue).sorted())") {
            found = try await database.read { try $0.syncRun(id) }
            return found.map { states.contains($0.state) } ?? false
        }
        return found!
    }

    /// The cached record of `barcode`.
    func record(_ barcode: String) async throws -> ProductRecord? {
        guard let code = Barcode(barcode) else { return nil }
        return try await database.read { try $0.product(code) }
    }

    /// The sync state under `key`.
    func syncState(_ key: SyncStateKey) async throws -> String? {
        try await database.read { try $0.syncState(key) }
    }

    /// Problems between the cache and the sandbox's ground truth (``SyncWorld/groundTruthProblems(in:_:variants:)``).
    func groundTruthProblems(_ barcodes: [String], variants: [ImageVariant] = [.front]) async throws -> [String] {
        try await world.groundTruthProblems(in: database, barcodes, variants: variants)
    }
}
