import Core
import Foundation
import Sandbox
import Store
import TestSupport
import Testing

/// The daemon as systemd runs it, `storesync serve` in its own process, killed with SIGKILL while it
/// syncs (build it first: `swift build --build-tests`).
@Suite("Killing the daemon process in the middle of a sync")
struct ProcessKillTests {
    static let kills = 20

    @Test(
        "Twenty SIGKILLs at random points of a sync, then a clean finish: ground truth, a sound database, nothing paid twice beyond the fetch in flight at each kill"
    )
    func twentyKillsThenGroundTruth() async throws {
        try await Self.killAndFinish(losingAnswers: false)
    }

    @Test(
        "Twenty SIGKILLs under lost answers (cut bodies and resets after the charge): ground truth, and at most one extra charge per kill and per lost answer"
    )
    func twentyKillsUnderLostAnswers() async throws {
        try await Self.killAndFinish(losingAnswers: true)
    }

    static func killAndFinish(losingAnswers: Bool) async throws {
        try await SyncWorld.run(SyncWorld.sandboxConfiguration(products: 300)) { world in
            let rates = try await SandboxRates.read(world.sandbox)
            let existing = world.products.prefix(240).map(\.barcode)
            let unknown = FakeBarcodes.make(40, excluding: Set(world.sandbox.barcodes))
            try world.writeCatalog(existing + unknown)
            // Each paid fetch takes a little while, so that the daemon's lives fall inside the sync.
            if losingAnswers {
                // Charged, then lost on the way: the answer is cut or the connection reset. (The first
                // rule that fires wins, so these come before the delay.)
                for kind in [LostAnswer.cutBody, .reset] {
                    world.sandbox.faults.add(FaultRule(.lostAnswer(kind), target: .productGet, probability: 0.04))
                }
            }
            world.sandbox.faults.add(FaultRule(.delay(.milliseconds(25)), target: .productGet))
            let daemon = KilledDaemon(world: world)
            var random = SeededRandom(seed: 20_261_206)
            var killedWhileSyncing = 0

            for life in 1...Self.kills {
                // The sandbox's per-IP throttle allows 10 token calls a minute: let a minute pass.
                world.sandbox.clock.advance(by: .seconds(61))
                let process = try daemon.start()
                if life > 1, random.next() % 4 == 0 {
                    // Killed during start-up: opening the database, sweeping, resuming the run.
                    try await Task.sleep(for: .milliseconds(Int(random.next() % 120)))
                } else {
                    try #require(await daemon.waitUntilHealthy(process), "life \(life) never served:\n\(process.log)")
                    if life == 1 {
                        let started = try await DaemonSocket.post(daemon.socket, "/v1/sync", json: #"{"mode":"delta"}"#)
                        #expect(started.status == 202)
                    }
                    try await Task.sleep(for: .milliseconds(20 + Int(random.next() % 380)))
                    if try await daemon.isSyncing() { killedWhileSyncing += 1 }
                }
                await process.killNow()
                #expect(process.endedBySignal)
            }
            #expect(killedWhileSyncing >= Self.kills / 2, "most kills should land inside the sync")

            // One more life, left alone: it resumes the interrupted run and finishes it.
            world.sandbox.clock.advance(by: .seconds(61))
            let last = try daemon.start()
            try #require(await daemon.waitUntilHealthy(last), "the last life never served:\n\(last.log)")
            let finished = try await daemon.waitForFinishedSync()
            #expect(finished["state"]?.stringValue == "succeeded", "\(finished)")
            last.send(SIGTERM)
            #expect(await last.waitForExit(timeout: .seconds(60)) == 0)

            let database = try await Database.open(
                directory: daemon.configuration.stateDirectory, logger: world.logs.logger())
            let checks = try await database.read { db in
                (
                    integrity: try db.integrityProblems(), images: try db.allImages(),
                    negatives: try unknown.filter { try db.negative(Barcode($0)!) == nil }
                )
            }
            #expect(checks.integrity.isEmpty)
            #expect(checks.negatives.isEmpty, "unknown barcodes without a negative entry")
            #expect(try await world.groundTruthProblems(in: database, existing) == [])
            #expect(database.imageStore.verify(index: checks.images).isEmpty)
            #expect(database.imageStore.sweepTemporaryFiles() == 0)
            try await database.close()

            // Paid at most once more than the minimum for each kill: with one fetch in flight at a
            // time, a kill can lose at most the one fetch it interrupted.
            let paid = world.ledger(.productGet).filter { $0.status == 200 && $0.creditsDebited > .zero }
            // A lost answer was charged (status 200 in the ledger) but never reached the daemon.
            let perBarcode = paid.reduce(into: [String: Int]()) { $0[$1.barcode ?? "", default: 0] += 1 }
            #expect(Set(perBarcode.keys) == Set(existing))
            let repeats = perBarcode.values.reduce(0) { $0 + $1 - 1 }
            let lost = world.ledger(.productGet).filter(\.answerLost).count
            #expect(losingAnswers == (lost > 0), "\(lost) answers were lost")
            print("process kills: \(Self.kills) kills, \(lost) lost answers, \(repeats) repeated charges")
            #expect(repeats <= Self.kills + lost, "\(repeats) repeats for \(Self.kills) kills and \(lost) lost answers")
            let minimum = existing.compactMap { world.sandbox.product($0) }.reduce(Credits.zero) {
                $0 + rates.minimumFetch($1)
            }
            let spentOnFetches = paid.reduce(Credits.zero) { $0 + $1.creditsDebited }
            #expect(spentOnFetches >= minimum)
            #expect(spentOnFetches <= minimum + (rates.perScope + rates.perImage) * repeats)
            // The one bulk-check chunk is charged once; any retry after a kill is a free replay.
            let bulkChecks = world.ledger(.bulkCheck)
            #expect(bulkChecks.filter { $0.creditsDebited > .zero }.count == 1)
            #expect(bulkChecks.allSatisfy { $0.status == 200 })
        }
    }
}

/// The `storesync serve` lives of ``ProcessKillTests``: one configuration and state directory, one
/// log file, started again and again.
private struct KilledDaemon {
    let configuration: ServeConfiguration
    let configPath: String
    let logPath: String

    init(world: SyncWorld) {
        var configuration = ServeConfiguration(
            directory: world.directory.path, retailDigitalsURL: world.sandbox.retailDigitalsBaseURL)
        configuration["sync.concurrency"] = "1"
        configuration["sync.retry_pass_delay"] = "1s"
        configuration["log.level"] = "notice"
        self.configuration = configuration
        configPath = world.directory.appending("storesync.yaml")
        logPath = world.directory.appending("daemon.log")
        _ = try? configuration.write(to: configPath)
    }

    var socket: String { configuration.socketPath }

    func start() throws -> ServeProcess {
        try ServeProcess(
            configPath: configPath,
            environment: ["RD_CLIENT_ID": SyncWorld.clientID, "RD_API_KEY": SyncWorld.apiKey], logPath: logPath)
    }

    func waitUntilHealthy(_ process: ServeProcess) async -> Bool {
        await DaemonSocket.waitUntilHealthy(socket, process: process)
    }

    /// Whether `/v1/status` shows a sync running.
    func isSyncing() async throws -> Bool {
        let status = try await DaemonSocket.get(socket, "/v1/status")
        guard let running = status.json?["sync"]?["running"] else { return false }
        return running != .null
    }

    /// Waits until no sync runs and returns the last one.
    func waitForFinishedSync(timeout: Duration = .seconds(180)) async throws -> JSONValue {
        var finished: JSONValue?
        try await eventually("the resumed sync to finish", timeout: timeout) {
            let status = try await DaemonSocket.get(socket, "/v1/status")
            guard let sync = status.json?["sync"], sync["running"] == .null, let last = sync["last"], last != .null
            else { return false }
            finished = last
            return true
        }
        return finished!
    }
}
