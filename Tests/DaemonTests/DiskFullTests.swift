import Core
import Daemon
import Foundation
import Sandbox
import Simulation
import Store
import Sync
import TestSupport
import Testing

/// A state directory on a small tmpfs that fills up, through a whole daemon's socket on the manual
/// clock: the sync pauses with `disk_full`, nothing is bought, lookups answer, status shows the
/// space, and once the file system grows the sync resumes by itself and ends with the ground truth.
@Suite("A full disk is a state, not a loop")
struct DiskFullTests {
    static let minFree = 512 << 10

    static func carried(_ sandbox: Sandbox) -> [String] {
        Array(sandbox.products.map(\.barcode).filter { Barcode($0).map { !$0.isInStore } ?? false }.prefix(40))
    }

    @Test(
        "On a full disk the sync pauses with disk_full, spends nothing, lookups answer, and it resumes by itself",
        .enabled(if: TmpfsMount.isAvailable, "needs root to mount a tmpfs (mount -t tmpfs) for the state directory"))
    func fullDiskPausesAndResumes() async throws {
        try await withTemporaryDirectory("diskfull") { directory in
            let mountPoint = directory.appending("fs")
            try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
            let tmpfs = try TmpfsMount.mount(at: mountPoint, size: "4m")
            defer { tmpfs.unmount() }
            var setup = StoreWorld.Setup()
            setup.configure = { configuration in
                configuration.storage.stateDirectory = mountPoint + "/state"
                configuration.storage.minFreeBytes = Self.minFree
            }
            try await StoreWorld.run(setup, catalog: Self.carried) { world in
                try tmpfs.fill(leaving: Int64(Self.minFree + (192 << 10)))
                let paused = try await world.sync("full")
                #expect(paused["state"]?.stringValue == "paused")
                #expect(paused["reason"]?.stringValue == "disk_full")
                #expect(paused["resume_at"]?.stringValue != nil)
                let id = try #require(paused["sync_id"]?.stringValue)
                let fullFrom = world.ledger().count

                let status = try #require(try await DaemonSocket.get(world.socket, "/v1/status").json)
                #expect(status["storage"]?["disk_full"] == .bool(true))
                let free = try #require(status["storage"]?["free_bytes"]?.intValue)
                #expect(free < Self.minFree)
                #expect(status["storage"]?["min_free_bytes"]?.intValue == Self.minFree)
                let response = try await SocketHTTP.request(
                    .unix(world.socket), "GET", "/metrics", timeout: .seconds(5))
                let metrics = String(decoding: response.body, as: UTF8.self)
                #expect(metrics.contains("storesync_state_free_bytes"))
                #expect(metrics.contains("storesync_state_min_free_bytes"))

                // Lookups answer from what is stored (or the catalog row) and never buy.
                var sources: [String: Int] = [:]
                for barcode in Self.carried(world.sandbox) {
                    let answer = try await world.scan(barcode)
                    #expect(answer.status == 200, "\(barcode) answered \(answer.status)")
                    sources[answer.json?["source"]?.stringValue ?? "?", default: 0] += 1
                }
                #expect(sources["cache", default: 0] > 0)
                #expect(sources["live"] == nil)

                // The recheck finds the disk still full: paused again, later, still for free.
                let firstResume = paused["resume_at"]?.stringValue
                world.advance(by: .seconds(301))
                try await StoreWorld.eventually("the sync to pause again") {
                    let run = try await DaemonSocket.get(world.socket, "/v1/sync/\(id)").json
                    return run?["state"]?.stringValue == "paused" && run?["resume_at"]?.stringValue != firstResume
                }
                #expect(world.credits(from: fullFrom) == .zero)

                // Space returns: the sync resumes at its next recheck and ends with the ground truth.
                try tmpfs.resize(to: "64m")
                world.advance(by: .seconds(301))
                // The engine wakes on its own time: a first look may still see the old pause.
                var ended: JSONValue?
                try await StoreWorld.eventually("the sync to resume and end") {
                    ended = try await DaemonSocket.get(world.socket, "/v1/sync/\(id)").json
                    return ["succeeded", "failed"].contains(ended?["state"]?.stringValue ?? "")
                }
                #expect(ended?["state"]?.stringValue == "succeeded")
                #expect(try await Self.wrong(world) == [])
                let after = try #require(try await DaemonSocket.get(world.socket, "/v1/status").json)
                #expect(after["storage"]?["disk_full"] == .bool(false))
            }
        }
    }

    /// Carried barcodes whose stored record or front image is not what the sandbox holds.
    static func wrong(_ world: StoreWorld) async throws -> [String] {
        let sandbox = world.sandbox
        let carried = carried(sandbox)
        return try await world.daemon.database.read { connection in
            carried.filter { text in
                guard let barcode = Barcode(text), let truth = sandbox.product(text),
                    let record = try? connection.product(barcode)
                else { return true }
                let front = (try? connection.images(for: barcode))?.first { $0.variant == .front }
                let frontRight = !truth.variants.contains(.front) || front?.productUpdatedAt == truth.updatedAtText
                return record.updatedAt != truth.updatedAtText || !frontRight
            }
        }
    }
}
