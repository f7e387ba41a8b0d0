import Core
import Foundation
import Logging
import Lookup
import Testing

@testable import Daemon

@Suite("Configuration problems")
struct ConfigurationProblemTests {
    @Test("Every bad value is reported at once, each with its key, value, origin and what is allowed")
    func everyBadValueCollected() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let yaml = """
            upstream:
              base_url: http://images.retaildigitals.com/api/v1
              include: [product_meta, pictures]
              variants: front, front
              daily_credit_limit: -5
              scan_reserve: 1.5
              max_image_bytes: 12 parsecs
            storage: {state_dir: var/lib/storesync, metadata_ttl: 24 hours}
            listen: {socket_mode: "0999", tcp: "0.0.0.0:8080", max_connections: 0}
            lookup: {live_timeout: [800ms]}
            sync: {at: "25:00", timezone: Mars/Olympus, full_refresh: someday, concurrency: 99, enabled: maybe}
            shelf: {full_push: always}
            log: {level: loud, format: xml}
            """
        let found = await problems(yaml, environment: credentialEnvironment, in: directory)
        let keys = found.map(\.key)
        #expect(
            keys == [
                "upstream.base_url", "upstream.include", "upstream.variants", "upstream.daily_credit_limit",
                "upstream.scan_reserve", "upstream.max_image_bytes", "storage.state_dir", "storage.metadata_ttl",
                "listen.socket_mode", "listen.tcp", "listen.max_connections", "lookup.live_timeout", "sync.enabled",
                "sync.at", "sync.timezone", "sync.full_refresh", "sync.concurrency", "shelf.full_push", "log.level",
                "log.format",
            ])
        for problem in found {
            #expect(problem.value != nil, "\(problem.key) keeps the value as written")
            #expect(problem.origin == "file \(directory.path)/storesync.yaml")
            #expect(!problem.allowed.isEmpty)
        }
        let byKey = Dictionary(uniqueKeysWithValues: found.map { ($0.key, $0.description) })
        #expect(
            byKey["sync.at"]
                == "sync.at = \"25:00\" (file \(directory.path)/storesync.yaml): expected a time HH:MM from 00:00 to 23:59"
        )
        #expect(byKey["upstream.include"]?.contains("(not allowed: pictures)") == true)
        #expect(byKey["upstream.variants"]?.contains("front (twice)") == true)
        #expect(byKey["lookup.live_timeout"]?.contains("expected a single value, not a list") == true)
        #expect(byKey["listen.tcp"]?.contains("loopback") == true)
        #expect(byKey["upstream.base_url"]?.contains("https://") == true)
    }

    @Test("The error lists every problem on its own line under a count")
    func errorDescription() {
        let error = ConfigurationError(problems: [
            ConfigurationProblem(key: "sync.at", value: "x", origin: nil, allowed: "expected HH:MM"),
            ConfigurationProblem(
                key: "log.level", value: "y", origin: "environment STORESYNC_LOG_LEVEL", allowed: "a level"),
        ])
        #expect(
            error.description == """
                invalid configuration (2 problems):
                  - sync.at = "x": expected HH:MM
                  - log.level = "y" (environment STORESYNC_LOG_LEVEL): a level
                """)
    }

    @Test("A bad secret value is reported without the secret")
    func secretNeverInProblem() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let yaml = "upstream:\n  api_key: [sk_live_hidden_abcdef]\n  client_id: rd_client_x\n"
        let found = await problems(yaml, in: directory)
        #expect(found.map(\.key).contains("upstream.api_key"))
        #expect(!found.map(\.description).joined().contains("hidden"))
    }

    @Test("A client id without an api key, and a shelf URL without a token, are problems")
    func missingPartners() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let yaml = "upstream: {client_id: rd_client_alone}\nshelf: {base_url: https://retagly.example}\n"
        let found = await problems(yaml, in: directory)
        #expect(found.map(\.key) == ["upstream.api_key", "shelf.token"])
        #expect(found[0].allowed.contains("RD_API_KEY"))
    }

    @Test(
        "listen.socket_mode reads its digits as octal, quoted or not",
        arguments: [
            ("\"0660\"", UInt16(0o660)), ("0660", 0o660), ("660", 0o660), ("0o640", 0o640), ("'0600'", 0o600),
            ("0777", 0o777),
        ])
    func socketModeForms(yamlValue: String, mode: UInt16) async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let yaml = "listen:\n  socket_mode: \(yamlValue)\n"
        let loaded = try await loadConfiguration(yaml, environment: credentialEnvironment, in: directory)
        #expect(loaded.configuration.listen.socketMode == mode)
    }

    @Test(
        "listen.socket_mode refuses non-octal digits, more than 0777 and other shapes",
        arguments: ["0999", "01777", "66", "rw-rw----", "0x1b0"])
    func socketModeRejected(yamlValue: String) async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let found = await problems(
            "listen:\n  socket_mode: \(yamlValue)\n", environment: credentialEnvironment, in: directory)
        #expect(found.map(\.key) == ["listen.socket_mode"])
    }

    @Test("An empty value (or ~) means the key's default")
    func emptyMeansDefault() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let yaml = "sync:\n  at:\n  timezone: ~\nlisten:\n  tcp: \"\"\n"
        let loaded = try await loadConfiguration(yaml, environment: credentialEnvironment, in: directory)
        #expect(loaded.configuration.sync.at.description == "03:00")
        #expect(loaded.configuration.sync.timeZoneIdentifier == nil)
        #expect(loaded.configuration.listen.tcp == nil)
    }
}
