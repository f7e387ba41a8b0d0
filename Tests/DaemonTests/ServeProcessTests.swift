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

    @Test("READY=1 reaches NOTIFY_SOCKET once the socket serves, WATCHDOG=1 follows, STOPPING=1 at SIGTERM")
    func readyAndWatchdog() async throws {
        try await Self.withSandbox { sandbox, directory in
            let notify = try DatagramReceiver(address: directory.appending("notify.sock"))
            let configuration = try Self.configuration(sandbox, directory)
            let environment = Self.credentials.merging(
                ["NOTIFY_SOCKET": notify.address, "WATCHDOG_USEC": "1000000"]) { $1 }
            let daemon = try ServeProcess(
                configPath: configuration.path, environment: environment, logPath: directory.appending("daemon.log"))
            var ready = false
            while !ready, let message = await notify.next(timeout: .seconds(60)) {
                ready = message.split(separator: "\n").contains("READY=1")
            }
            try #require(ready, "no READY=1:\n\(daemon.log)")
            #expect(try await DaemonSocket.get(configuration.socket, "/healthz").status == 200)

            // WATCHDOG_USEC=1000000: storesync keeps pinging (every 500 ms: WatchdogServiceTests checks
            // the interval; how steady it is on a loaded machine is no test's business).
            var pings = 0
            while pings < 3, let message = await notify.next(timeout: .seconds(60)) {
                if message.contains("WATCHDOG=1") { pings += 1 }
            }
            #expect(pings == 3, "\(pings) watchdog pings")

            daemon.send(SIGTERM)
            var stopping = false
            while let message = await notify.next(timeout: .seconds(60)) {
                if message.contains("STOPPING=1") {
                    stopping = true
                    break
                }
            }
            #expect(stopping)
            #expect(await daemon.waitForExit(timeout: .seconds(60)) == 0)
        }
    }

    @Test("SIGTERM during a sync stops the daemon gracefully; the next start resumes the run and pays for nothing done")
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
            try await eventually("the sync to be mid-queue") {
                let run = try await DaemonSocket.get(configuration.socket, "/v1/sync/\(id)").json
                return (run?["done"]?.intValue ?? 0) >= 3
            }
            first.send(SIGTERM)
            let status = await first.waitForExit(timeout: .seconds(60))
            #expect(status == 0, "SIGTERM did not end the daemon gracefully (status \(String(describing: status)))")
            let paidBeforeStop = Set(
                sandbox.ledger().filter { $0.endpoint == SandboxEndpoint.productGet.rawValue }.compactMap(\.barcode))
            #expect(paidBeforeStop.count < carried.count, "the sync finished before SIGTERM; nothing was tested")

            let second = try ServeProcess(configPath: configuration.path, environment: Self.credentials, logPath: log)
            try #require(await DaemonSocket.waitUntilHealthy(configuration.socket, process: second), "\(second.log)")
            var finished: JSONValue?
            try await eventually("the resumed sync to end", timeout: .seconds(120)) {
                finished = try await DaemonSocket.get(configuration.socket, "/v1/sync/\(id)").json
                return ["succeeded", "failed", "paused"].contains(finished?["state"]?.stringValue ?? "")
            }
            #expect(finished?["state"]?.stringValue == "succeeded", "\(String(describing: finished))")
            #expect(finished?["done"]?.intValue == carried.count)
            second.send(SIGTERM)
            #expect(await second.waitForExit(timeout: .seconds(60)) == 0)
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

    /// Starts `storesync serve` on `sandbox` with an empty store catalog and waits until it is
    /// healthy; returns the process and its socket.
    static func startWithEmptyCatalog(
        _ sandbox: Sandbox, _ directory: TemporaryDirectory
    ) async throws -> (ServeProcess, String) {
        try "barcode,name,price\n".write(toFile: directory.appending("catalog.csv"), atomically: true, encoding: .utf8)
        let (path, socket) = try configuration(sandbox, directory)
        let daemon = try ServeProcess(
            configPath: path, environment: credentials, logPath: directory.appending("daemon.log"))
        #expect(await DaemonSocket.waitUntilHealthy(socket, process: daemon), "\(daemon.log)")
        return (daemon, socket)
    }
}

/// `storesync serve` where the network or systemd shape how it starts.
@Suite("storesync serve: starting without upstream, and socket activation")
struct ServeStartTests {
    @Test("With upstream not answering at start the socket serves at once and a catalog barcode is answered")
    func upstreamDownAtBoot() async throws {
        try await withTemporaryDirectory("serveoff") { directory in
            let barcode = "017000161563"
            try "barcode,name,price\n\(barcode),House Cereal,3.99\n".write(
                toFile: directory.appending("catalog.csv"), atomically: true, encoding: .utf8)
            // A loopback port that accepts connections and never answers: every upstream call waits
            // out its deadline (the start's /pricing read: a minute).
            let (holder, port) = try #require(Self.holdLoopbackPort(), "cannot hold a loopback port for the test")
            defer { close(holder) }
            var settings = ServeConfiguration(
                directory: directory.path, retailDigitalsURL: "http://127.0.0.1:\(port)/api/v1")
            settings["lookup.live_timeout"] = "300ms"
            let path = try settings.write(to: directory.appending("storesync.yaml"))
            let daemon = try ServeProcess(
                configPath: path, environment: ServeProcessTests.credentials, logPath: directory.appending("daemon.log")
            )
            // The socket serves while the pricing read still waits (it used to wait for it).
            #expect(await DaemonSocket.waitUntilHealthy(settings.socketPath, process: daemon), "\(daemon.log)")
            #expect(!daemon.log.contains("cannot read /pricing"), "\(daemon.log)")
            let answer = try await DaemonSocket.get(settings.socketPath, "/v1/products/\(barcode)")
            #expect(answer.status == 200, "\(String(describing: answer.json))")
            #expect(answer.json?["source"]?.stringValue == "catalog")
            #expect(answer.json?["catalog"]?["name"]?.stringValue == "House Cereal")
            daemon.send(SIGTERM)
            #expect(await daemon.waitForExit(timeout: .seconds(60)) == 0)
        }
    }

    @Test("A TCP port already in use ends serve with an error that names the setting, not a crash")
    func tcpPortInUse() async throws {
        try await withTemporaryDirectory("servebind") { directory in
            let (holder, port) = try #require(Self.holdLoopbackPort(), "cannot hold a loopback port for the test")
            defer { close(holder) }
            var settings = ServeConfiguration(directory: directory.path, retailDigitalsURL: "http://127.0.0.1:1/api/v1")
            settings["listen.tcp"] = "127.0.0.1:\(port)"
            let path = try settings.write(to: directory.appending("storesync.yaml"))
            let daemon = try ServeProcess(
                configPath: path, environment: ServeProcessTests.credentials, logPath: directory.appending("daemon.log")
            )
            let status = await daemon.waitForExit(timeout: .seconds(60))
            #expect(status != nil && status != 0, "\(daemon.log)")
            #expect(!daemon.endedBySignal, "\(daemon.log)")
            #expect(
                daemon.log.contains("cannot listen on 127.0.0.1:\(port) (listen.tcp): Address already in use"),
                "\(daemon.log)")
        }
    }

    @Test("Under socket activation serve answers on the socket systemd passed and leaves its file in place")
    func socketActivation() async throws {
        let activate = try #require(
            ["/usr/bin/systemd-socket-activate", "/bin/systemd-socket-activate"].first {
                FileManager.default.isExecutableFile(atPath: $0)
            }, "systemd-socket-activate is missing (Debian package systemd)")
        try await ServeProcessTests.withSandbox { sandbox, directory in
            let configuration = try ServeProcessTests.configuration(sandbox, directory)
            var launcher = [activate, "-l", configuration.socket, "--fdname=lookup"]
            for (name, value) in ServeProcessTests.credentials { launcher += ["-E", "\(name)=\(value)"] }
            let daemon = try ServeProcess(
                configPath: configuration.path, logPath: directory.appending("daemon.log"), launcher: launcher)
            // systemd-socket-activate binds the socket and starts storesync on the first connection,
            // which waits in the backlog until storesync adopts the socket and answers it.
            try await eventually("the activation socket") {
                FileManager.default.fileExists(atPath: configuration.socket)
            }
            let inode = try FileManager.default.attributesOfItem(atPath: configuration.socket)[.systemFileNumber]
            let first = try await SocketHTTP.request(
                .unix(configuration.socket), "GET", "/healthz", timeout: .seconds(60))
            #expect(first.status == 200)
            let lookup = try await DaemonSocket.get(configuration.socket, "/v1/products/017000161563")
            #expect(lookup.status == 200, "\(String(describing: lookup.json))")
            #expect(lookup.json?["source"]?.stringValue == "live")
            // The daemon adopted the passed socket: it neither re-bound nor replaced the file.
            let after = try FileManager.default.attributesOfItem(atPath: configuration.socket)[.systemFileNumber]
            #expect((inode as? NSNumber)?.intValue == (after as? NSNumber)?.intValue)
            daemon.send(SIGTERM)
            #expect(await daemon.waitForExit(timeout: .seconds(60)) == 0)
            #expect(FileManager.default.fileExists(atPath: configuration.socket), "the socket belongs to systemd")
            #expect(daemon.log.contains("Execing"))
        }
    }

    /// A listening socket on a free loopback port that never accepts (the kernel completes
    /// connections into its backlog), and the port; `nil` if none could be had.
    static func holdLoopbackPort() -> (socket: Int32, port: UInt16)? {
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(holder, raw, length) == 0 && listen(holder, 16) == 0 && getsockname(holder, raw, &length) == 0
            }
        }
        guard bound else {
            close(holder)
            return nil
        }
        return (holder, UInt16(bigEndian: address.sin_port))
    }
}
