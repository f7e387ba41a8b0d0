import Core
import Foundation
import Sandbox
import Store
import Sync
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

    /// Problems between the cache and the sandbox's ground truth for the carried `barcodes`: the
    /// product_meta (semantically), updated_at, and the sha256 of every configured variant the
    /// product has, as this client receives it (and no image for a variant it lacks).
    func groundTruthProblems(_ barcodes: [String], variants: [ImageVariant] = [.front]) async throws -> [String] {
        var problems: [String] = []
        for barcode in barcodes {
            guard let truth = world.sandbox.product(barcode), let code = Barcode(barcode) else {
                problems.append("\(barcode): not in the sandbox")
                continue
            }
            let (record, images) = try await database.read { connection in
                (try connection.product(code), try connection.images(for: code))
            }
            guard let record else {
                problems.append("\(barcode): not cached")
                continue
            }
            if (try? JSONValue(parsing: record.productMeta)) != truth.productMeta {
                problems.append("\(barcode): product_meta differs")
            }
            if record.updatedAt != truth.updatedAtText {
                problems.append("\(barcode): updated_at \(record.updatedAt) ≠ \(truth.updatedAtText)")
            }
            for variant in variants {
                let expected = world.sandbox.imageSHA256(
                    barcode: barcode, variant: variant, clientID: SyncWorld.clientID)
                let stored = images.first { $0.variant == variant }?.sha256
                if stored != expected {
                    problems.append("\(barcode) \(variant.rawValue): image \(stored ?? "none") ≠ \(expected ?? "none")")
                }
            }
        }
        return problems
    }
}
