import Core
import Foundation
import Sandbox
import TestSupport
import Testing

/// `storesync serve` as systemd runs it: a child process with `$NOTIFY_SOCKET` and a watchdog,
/// stopped with SIGTERM (build it first: `swift build --build-tests`).
@Suite("storesync serve under systemd's protocol")
struct ServeProcessTests {
    static let clientID = "rd_client_sandbox"
    static let apiKey = "sk_test_sandbox"

    @Test("READY=1 reaches NOTIFY_SOCKET within a second of start and WATCHDOG=1 comes at the configured interval")
    func readyAndWatchdog() async throws {
        try await Self.withSandbox { sandbox, directory in
            let notify = try DatagramReceiver(address: directory.appending("notify.sock"))
            let configuration = try Self.configuration(sandbox, directory)
            let daemon = try ServeProcess(
                configPath: configuration.path,
                environment: Self.credentials.merging(
                    ["NOTIFY_SOCKET": notify.address, "WATCHDOG_USEC": "300000"]) { $1 },
                logPath: directory.appending("daemon.log"))
            var messages: [String] = []
            while !messages.contains(where: { $0.contains("READY=1") }) {
                guard let message = await notify.next(timeout: .seconds(10)) else { break }
                messages.append(message)
            }
            let readyAfter = ContinuousClock.now - daemon.startedAt
            try #require(messages.contains { $0.contains("READY=1") }, "no READY=1: \(messages)\n\(daemon.log)")
            #expect(readyAfter < .seconds(1), "READY=1 came \(readyAfter) after start")
            #expect(try await DaemonSocket.get(configuration.socket, "/healthz").status == 200)

            // WATCHDOG_USEC=300000: a ping at least every 300 ms (storesync pings at half of it).
            var pings: [ContinuousClock.Instant] = []
            let window = ContinuousClock.now + .milliseconds(1500)
            while ContinuousClock.now < window, let message = await notify.next(timeout: .seconds(1)) {
                if message.contains("WATCHDOG=1") { pings.append(.now) }
            }
            #expect(pings.count >= 4, "\(pings.count) watchdog pings in 1.5 s")
            let gaps = zip(pings.dropFirst(), pings).map { $0 - $1 }
            #expect(gaps.allSatisfy { $0 < .milliseconds(300) }, "\(gaps)")

            daemon.send(SIGTERM)
            var stopping = false
            while let message = await notify.next(timeout: .seconds(5)) {
                if message.contains("STOPPING=1") {
                    stopping = true
                    break
                }
            }
            #expect(stopping)
            #expect(await daemon.waitForExit(timeout: .seconds(5)) == 0)
        }
    }

    @Test("SIGTERM during a sync exits within 5 s; the next start resumes the run and pays for nothing done")
    func sigtermDuringSync() async throws {
        try await Self.withSandbox { sandbox, directory in
            let carried = Array(sandbox.barcodes.filter { Barcode($0).map { !$0.isInStore } ?? false }.prefix(40))
            var csv = "barcode,name,price\n"
            for (index, barcode) in carried.enumerated() { csv += "\(barcode),Product \(index),\(index + 1).49\n" }
            try csv.write(toFile: directory.appending("catalog.csv"), atomically: true, encoding: .utf8)
            // A slow upstream: each paid fetch takes 150 ms, so the sync is mid-queue at SIGTERM.
            sandbox.faults.add(FaultRule(.delay(.milliseconds(150)), target: .productGet))
            let configuration = try Self.configuration(sandbox, directory)
            let log = directory.appending("daemon.log")
            let first = try ServeProcess(configPath: configuration.path, environment: Self.credentials, logPath: log)
            try #require(await DaemonSocket.waitUntilHealthy(configuration.socket, process: first), "\(first.log)")
            let started = try await DaemonSocket.post(configuration.socket, "/v1/sync", json: #"{"mode":"delta"}"#)
            let id = try #require(started.json?["sync_id"]?.stringValue, "\(started)")
            try await Self.waitFor("the sync to be mid-queue") {
                let run = try await DaemonSocket.get(configuration.socket, "/v1/sync/\(id)").json
                return (run?["done"]?.intValue ?? 0) >= 3
            }
            let stopAt = ContinuousClock.now
            first.send(SIGTERM)
            let status = await first.waitForExit(timeout: .seconds(5))
            #expect(status == 0, "SIGTERM did not end the daemon within 5 s (status \(String(describing: status)))")
            #expect(ContinuousClock.now - stopAt < .seconds(5))
            let paidBeforeStop = Set(
                sandbox.ledger().filter { $0.endpoint == SandboxEndpoint.productGet.rawValue }.compactMap(\.barcode))
            #expect(paidBeforeStop.count < carried.count, "the sync finished before SIGTERM; nothing was tested")

            let second = try ServeProcess(configPath: configuration.path, environment: Self.credentials, logPath: log)
            try #require(await DaemonSocket.waitUntilHealthy(configuration.socket, process: second), "\(second.log)")
            var finished: JSONValue?
            try await Self.waitFor("the resumed sync to end", timeout: .seconds(120)) {
                finished = try await DaemonSocket.get(configuration.socket, "/v1/sync/\(id)").json
                return ["succeeded", "failed", "paused"].contains(finished?["state"]?.stringValue ?? "")
            }
            #expect(finished?["state"]?.stringValue == "succeeded", "\(String(describing: finished))")
            #expect(finished?["done"]?.intValue == carried.count)
            second.send(SIGTERM)
            #expect(await second.waitForExit(timeout: .seconds(5)) == 0)
            // A graceful stop lets the fetches in flight finish and records them: nothing is paid twice.
            let fetches = sandbox.ledger().filter {
                $0.endpoint == SandboxEndpoint.productGet.rawValue && $0.status == 200
            }
            let perBarcode = fetches.reduce(into: [String: Int]()) { $0[$1.barcode ?? "", default: 0] += 1 }
            #expect(Set(perBarcode.keys) == Set(carried))
            #expect(perBarcode.values.allSatisfy { $0 == 1 }, "\(perBarcode.filter { $0.value > 1 })")
            #expect(!first.log.contains(Self.apiKey) && !second.log.contains(Self.apiKey))
        }
    }

    static var credentials: [String: String] { ["RD_CLIENT_ID": clientID, "RD_API_KEY": apiKey] }

    /// A sandbox on a real-time clock with a generous account, and a short temporary directory.
    static func withSandbox(_ body: (Sandbox, TemporaryDirectory) async throws -> Void) async throws {
        var configuration = SandboxTesting.configuration(products: 80, clock: SandboxClock(mode: .realTime))
        configuration.clients = [
            SandboxClientAccount(
                id: clientID, apiKey: apiKey, requestsPerMinute: 100_000, requestsPerDay: 1_000_000,
                credits: Credits(100_000))
        ]
        try await Sandbox.withRunning(configuration, logger: SandboxTesting.logger) { sandbox in
            try await withTemporaryDirectory("serve") { directory in try await body(sandbox, directory) }
        }
    }

    /// Writes the daemon's configuration file into `directory`.
    static func configuration(
        _ sandbox: Sandbox, _ directory: TemporaryDirectory
    ) throws -> (
        path: String, socket: String
    ) {
        let configuration = ServeConfiguration(
            directory: directory.path, retailDigitalsURL: sandbox.retailDigitalsBaseURL)
        let path = try configuration.write(to: directory.appending("storesync.yaml"))
        return (path, configuration.socketPath)
    }

    /// Polls `condition` every 20 ms until it holds; fails after `timeout`.
    static func waitFor(
        _ what: String, timeout: Duration = .seconds(60), _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw ServeWaitTimedOut(what: what) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// A ``ServeProcessTests`` condition that did not come true in time.
struct ServeWaitTimedOut: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for \(what)" }
}
