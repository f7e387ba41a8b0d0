import Core
import Foundation
import TestSupport
import Testing

@testable import Daemon

/// Numbers in the configuration that are too large, negative, not finite or not ASCII: each is a
/// ``ConfigurationError`` naming its key (and `serve` exits 78), never a trap.
@Suite("Hostile numbers in the configuration")
struct HostileConfigurationTests {
    static let hostile: [(key: String, value: String)] = [
        ("upstream.daily_credit_limit", "10000000000000000"), ("upstream.daily_credit_limit", "1e19"),
        ("upstream.daily_credit_limit", String(repeating: "9", count: 10_000)),
        ("upstream.daily_credit_limit", "1000000000000.001"), ("sync.jitter", "99999999999d"),
        ("sync.jitter", String(repeating: "999999999d", count: 120)), ("storage.metadata_ttl", "1e300"),
        ("upstream.request_timeout", "-5s"), ("lookup.live_timeout", "١٠ms"),
        ("listen.max_connections", "99999999999999999999"), ("listen.max_connections", "-9223372036854775809"),
        ("lookup.image_cache_bytes", "99999999999999999999GiB"), ("upstream.max_image_bytes", "18446744073709551616"),
        ("upstream.scan_reserve", "1e400"), ("upstream.scan_reserve", "NaN"), ("sync.concurrency", "1e300"),
    ]

    @Test("An out-of-range number in the file is a ConfigurationError naming its key", arguments: hostile.indices)
    func hostileFileValue(index: Int) async throws {
        let (key, value) = Self.hostile[index]
        let directory = try TestDirectory()
        defer { directory.remove() }
        let parts = key.split(separator: ".")
        let found = await problems(
            "\(parts[0]):\n  \(parts[1]): \"\(value)\"\n", environment: credentialEnvironment, in: directory)
        #expect(found.map(\.key) == [key], "\(key) = \(value.prefix(30))")
        #expect(found.first?.allowed.isEmpty == false)
    }

    @Test("An out-of-range number in the environment is a ConfigurationError naming its key")
    func hostileEnvironmentValue() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        var environment = credentialEnvironment
        environment["STORESYNC_UPSTREAM_DAILY_CREDIT_LIMIT"] = "10000000000000000"
        environment["STORESYNC_SYNC_OVERLAP"] = String(repeating: "999999999d", count: 120)
        let found = await problems(nil, environment: environment, in: directory)
        #expect(found.map(\.key) == ["upstream.daily_credit_limit", "sync.overlap"])
        #expect(found.first?.origin == "environment STORESYNC_UPSTREAM_DAILY_CREDIT_LIMIT")
    }

    @Test("serve exits 78 on a daily credit limit of 10^16 and names the key")
    func serveExits78() async throws {
        try await withTemporaryDirectory("cfg78") { directory in
            var settings = ServeConfiguration(directory: directory.path, retailDigitalsURL: "http://127.0.0.1:1/api/v1")
            settings["upstream.daily_credit_limit"] = "10000000000000000"
            let path = try settings.write(to: directory.appending("storesync.yaml"))
            let daemon = try ServeProcess(
                configPath: path, environment: credentialEnvironment, logPath: directory.appending("daemon.log"))
            #expect(await daemon.waitForExit() == 78)
            #expect(!daemon.endedBySignal)
            #expect(daemon.log.contains("upstream.daily_credit_limit"), "\(daemon.log)")
        }
    }
}
