import Core
import Foundation
import Sandbox
import Store
import Sync
import Testing

@Suite("Resuming an interrupted sync")
struct ResumeTests {
    @Test("A sync stopped mid-queue by a shutdown continues after a restart and fetches nothing twice")
    func gracefulStopResumesWithoutRefetching() async throws {
        try await SyncWorld.run { world in
            let carried = world.products.prefix(30).map(\.barcode)
            try world.writeCatalog(carried)
            world.sandbox.faults.add(FaultRule(.delay(.milliseconds(40)), target: .productGet))
            let (reached, signal) = AsyncStream.makeStream(of: Void.self)
            world.sandbox.setRequestHook { info in
                if info.endpoint == .productGet, info.count == 8 { signal.yield() }
            }
            var options = DaemonOptions()
            options.sync.concurrency = 2
            let runID = try await world.withDaemon(options) { daemon in
                let (run, _) = try await daemon.engine.start(.delta())
                try #require(await firstSignal(reached), "the sandbox hook never fired")
                return run.id
            }
            world.sandbox.setRequestHook(nil)
            // The run was left running with part of its queue done.
            let stopped = try #require(try await world.readState { try $0.syncRun(runID) })
            #expect(stopped.state == .running)
            #expect(stopped.done > 0)
            #expect(stopped.done < carried.count)
            try await world.withDaemon(options) { daemon in
                let run = try await daemon.wait(for: runID)
                #expect(run.state == .succeeded)
                #expect(run.done == carried.count)
                #expect(try await daemon.groundTruthProblems(carried) == [])
            }
            let fetches = world.fetchesPerBarcode()
            #expect(fetches.count == carried.count)
            #expect(fetches.values.allSatisfy { $0 == 1 })
        }
    }

    @Test("A sync cancelled abruptly resumes at the next start; only fetches in flight at the stop are paid again")
    func abruptStopResumes() async throws {
        try await SyncWorld.run { world in
            let carried = world.products.prefix(30).map(\.barcode)
            try world.writeCatalog(carried)
            world.sandbox.faults.add(FaultRule(.delay(.milliseconds(40)), target: .productGet))
            let (reached, signal) = AsyncStream.makeStream(of: Void.self)
            world.sandbox.setRequestHook { info in
                if info.endpoint == .productGet, info.count == 8 { signal.yield() }
            }
            var configured = DaemonOptions()
            configured.sync.concurrency = 3
            let options = configured
            let daemonTask = Task {
                try await world.withDaemon(options) { daemon in
                    _ = try await daemon.engine.start(.delta())
                    try await Task.sleep(for: .seconds(600))
                }
            }
            try #require(await firstSignal(reached), "the sandbox hook never fired")
            daemonTask.cancel()
            _ = await daemonTask.result
            world.sandbox.setRequestHook(nil)
            try await world.withDaemon(options) { daemon in
                let run = try #require(try await daemon.database.read { try $0.recentSyncRuns(limit: 1).first })
                let ended = try await daemon.wait(for: run.id)
                #expect(ended.state == .succeeded)
                #expect(try await daemon.groundTruthProblems(carried) == [])
            }
            let fetches = world.fetchesPerBarcode()
            #expect(fetches.count == carried.count)
            #expect(fetches.values.allSatisfy { $0 <= 2 })
            #expect(fetches.values.filter { $0 == 2 }.count <= options.sync.concurrency)
        }
    }
}
