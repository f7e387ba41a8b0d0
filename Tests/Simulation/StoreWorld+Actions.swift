import Core
import Daemon
import Foundation
import Sandbox
import Store
import Sync
import TestSupport

extension StoreWorld {
    /// Moves the daemon's clock and the sandbox's clock forward together.
    public func advance(by duration: Duration) {
        sandbox.clock.advance(by: duration)
        clock.advance(by: duration)
    }

    /// Rewrites the store catalog and waits until the daemon has read it.
    public func updateCatalog(_ barcodes: [String]) async throws {
        try Self.writeCatalog(barcodes, sandbox: sandbox, to: catalogPath)
        let count = Set(barcodes).count
        try await Self.eventually("the catalog to be read again") {
            advance(by: .seconds(5))
            return daemon.catalog.snapshot()?.entries.count == count
        }
    }

    /// One scan through the socket: the status and the answer.
    public func scan(_ barcode: String) async throws -> (status: Int, json: JSONValue?) {
        try await DaemonSocket.get(socket, "/v1/products/\(barcode)")
    }

    /// Starts a sync through the socket (`POST /v1/sync`) and waits until it ends or pauses; returns
    /// the run as `GET /v1/sync/{id}` shows it.
    public func sync(_ mode: String = "delta") async throws -> JSONValue {
        await daemon.flushScanCounts()
        let started = try await DaemonSocket.post(socket, "/v1/sync", json: "{\"mode\":\"\(mode)\"}")
        guard let id = started.json?["sync_id"]?.stringValue else {
            throw WorldError("the sync did not start: \(started.status) \(String(describing: started.json))")
        }
        return try await waitForSync(id)
    }

    /// Waits until sync `id` is succeeded, failed or paused. A run that waits on the clock for longer
    /// than a short wait (a retry pass, a budget) makes no progress: after 300 ms of none, the clocks
    /// move to the next wake-up, as the hours would pass in a store.
    public func waitForSync(_ id: String) async throws -> JSONValue {
        var last: JSONValue?
        var progress: [JSONValue?] = []
        try await Self.eventually("sync \(id) to end") {
            last = try await DaemonSocket.get(socket, "/v1/sync/\(id)").json
            if ["succeeded", "failed", "paused"].contains(last?["state"]?.stringValue ?? "") { return true }
            let mark = last.map {
                JSONValue.array([$0["state"] ?? .null, $0["done"] ?? .null, $0["failed_items"] ?? .null])
            }
            progress = progress.last == mark ? progress + [mark] : [mark]
            if progress.count >= 30, let wake = clock.nextWake {
                advance(by: .milliseconds(Int64(max(0.001, wake.timeIntervalSince(clock.now)) * 1000) + 1))
                progress = []
            }
            return false
        }
        return last!
    }

    /// Waits for a run newer than `previous` (one the daemon started by itself) to end; returns its
    /// id and how it ended.
    public func waitForNextRun(after previous: Int64?) async throws -> (id: Int64, run: JSONValue) {
        var id: Int64?
        try await Self.eventually("a sync run after \(previous.map(String.init) ?? "none") to start") {
            id = try await lastRunID()
            return id != nil && id != previous
        }
        return (id!, try await waitForSync(String(id!)))
    }

    /// The id of the unfinished or last sync run, read from the database.
    public func lastRunID() async throws -> Int64? {
        try await daemon.database.read { connection in
            try connection.unfinishedSyncRun()?.id ?? connection.recentSyncRuns(limit: 1).first?.id
        }
    }

    /// Ledger entries from `index` on.
    public func ledger(from index: Int = 0) -> ArraySlice<LedgerEntry> { sandbox.ledger().dropFirst(index) }

    /// Credits the sandbox debited from ledger entry `index` on.
    public func credits(from index: Int = 0) -> Credits {
        ledger(from: index).reduce(.zero) { $0 + $1.creditsDebited }
    }

    /// Paid product fetches per barcode from ledger entry `index` on.
    public func fetches(from index: Int = 0) -> [String: Int] {
        ledger(from: index).filter { $0.endpoint == SandboxEndpoint.productGet.rawValue && $0.creditsDebited > .zero }
            .reduce(into: [:]) { counts, entry in
                if let barcode = entry.barcode { counts[barcode, default: 0] += 1 }
            }
    }

    /// Waits for `condition` (``TestSupport/eventually(_:timeout:_:)`` with a longer bound: a world
    /// runs a whole daemon).
    public static func eventually(
        _ what: String, timeout: Duration = .seconds(120), _ condition: () async throws -> Bool
    ) async throws {
        try await TestSupport.eventually(what, timeout: timeout, condition)
    }
}

/// Something in the world did not happen as a test needs it.
public struct WorldError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
