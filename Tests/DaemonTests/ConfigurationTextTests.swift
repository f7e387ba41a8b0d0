import Core
import Foundation
import Logging
import Lookup
import Testing

@testable import Daemon

@Suite("Effective configuration and reload")
struct ConfigurationTextTests {
    @Test("The effective configuration redacts every secret and reads back to the same configuration")
    func effectiveTextRoundTrip() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        try directory.write("credentials/rd_api_key", "sk_live_fake_roundtrip_key", mode: 0o400)
        try directory.write("credentials/retagly_token", "rt_store_roundtrip", mode: 0o400)
        let environment = ["CREDENTIALS_DIRECTORY": directory.path + "/credentials", "RD_CLIENT_ID": "rd_client_rt"]
        let yaml = """
            upstream: {variants: [front, back], daily_credit_limit: 12.5}
            listen: {tcp: "127.0.0.1:0", socket_mode: "0640"}
            sync: {timezone: Europe/Paris, full_refresh: sat, at: "01:05"}
            shelf: {base_url: https://retagly.example, full_push: "06:00"}
            """
        let first = try await loadConfiguration(yaml, environment: environment, in: directory).configuration
        let text = first.effectiveConfigurationText()
        #expect(!text.contains("sk_live_fake_roundtrip_key") && !text.contains("rt_store_roundtrip"))
        #expect(text.contains("  api_key: \"[redacted]\"  # systemd credential rd_api_key"))
        #expect(text.contains("  client_id: rd_client_rt  # environment RD_CLIENT_ID"))
        #expect(text.contains("  socket_mode: \"0640\""))
        #expect(first.effectiveConfigurationText(redacted: false).contains("sk_live_fake_roundtrip_key"))

        let again = try await loadConfiguration(text, environment: environment, in: directory).configuration
        #expect(again.entries().map(\.text) == first.entries().map(\.text))
        #expect(again.upstream.apiKey == first.upstream.apiKey)
    }

    @Test("Texts YAML would read as something else print quoted, and the printout reads back to the same values")
    func yamlQuoting() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        var configuration = DaemonConfiguration()
        configuration.storage.stateDirectory = "/srv/a b: c #d/ü\t\"e\""
        configuration.listen.socketPath = "/off"
        configuration.catalog.path = "/0660"
        configuration.sync.timeZoneIdentifier = "America/New_York"
        let text = configuration.effectiveConfigurationText()
        #expect(text.contains("  state_dir: \"/srv/a b: c #d/ü\\t\\\"e\\\"\""))
        #expect(text.contains("  socket: /off\n") && text.contains("  path: /0660\n"))
        #expect(text.contains("  full_refresh: \"off\"\n") && text.contains("  at: \"03:00\"\n"))
        #expect(text.contains("  include: [product_meta, images]\n") && text.contains("  metadata_ttl: 1d\n"))
        let again = try await loadConfiguration(text, environment: credentialEnvironment, in: directory)
        #expect(again.configuration.storage.stateDirectory == configuration.storage.stateDirectory)
        #expect(again.configuration.listen.socketPath == "/off" && again.configuration.catalog.path == "/0660")
        #expect(again.configuration.sync.timeZoneIdentifier == "America/New_York")
    }

    @Test("A reload applies schedule, budgets and log level, and lists every other change as needing a restart")
    func reloadDiff() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let before = try await loadConfiguration(
            "sync: {at: \"03:00\"}\nlisten: {socket: /run/a.sock}\n", environment: credentialEnvironment, in: directory)
        var environment = credentialEnvironment
        environment["RD_API_KEY"] = "sk_test_rotated_key"
        let after = try await loadConfiguration(
            "sync: {at: \"04:00\"}\nlisten: {socket: /run/b.sock}\nlog: {level: debug}\n"
                + "upstream: {daily_credit_limit: 100, scan_reserve: 0.5}\n",
            environment: environment, in: directory)
        let reload = ConfigurationReload(current: before.configuration, loaded: after.configuration)
        #expect(reload.applied == ["upstream.daily_credit_limit", "upstream.scan_reserve", "sync.at", "log.level"])
        #expect(reload.needsRestart == ["upstream.api_key", "listen.socket"])
        #expect(reload.configuration.sync.at.description == "04:00")
        #expect(reload.configuration.log.level == .debug)
        #expect(reload.configuration.listen.socketPath == "/run/a.sock")
        #expect(reload.configuration.upstream.apiKey == before.configuration.upstream.apiKey)
        #expect(ConfigurationReload(current: before.configuration, loaded: before.configuration).isEmpty)
    }

    @Test("Every key marked reloadable is really applied by a reload")
    func reloadableKeysAreApplied() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let changed = """
            upstream: {daily_credit_limit: 7, scan_reserve: 0.1, low_credit_warning: 50}
            sync: {enabled: false, at: "05:05", timezone: Asia/Tokyo, jitter: 1m, full_refresh: monday}
            log: {level: error}
            """
        let current = DaemonConfiguration()
        let loaded = try await loadConfiguration(changed, environment: credentialEnvironment, in: directory)
        let reload = ConfigurationReload(current: current, loaded: loaded.configuration)
        let reloadable = DaemonConfiguration.settings.filter(\.reloadable).map(\.name)
        #expect(reload.applied == reloadable)
        let applied = Dictionary(uniqueKeysWithValues: reload.configuration.entries().map { ($0.key, $0.text) })
        let wanted = Dictionary(uniqueKeysWithValues: loaded.configuration.entries().map { ($0.key, $0.text) })
        for key in reloadable { #expect(applied[key] == wanted[key], "\(key)") }
    }

    @Test("The loader's reload reads the file again and reports a bad new file as an error")
    func loaderReload() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let path = try directory.write("storesync.yaml", "log: {level: info}\n")
        let loader = ConfigurationLoader(path: path, environment: credentialEnvironment)
        let current = try await loader.load().configuration
        try directory.write("storesync.yaml", "log: {level: warning}\n")
        let reload = try await loader.reload(current: current)
        #expect(reload.applied == ["log.level"] && reload.configuration.log.level == .warning)
        try directory.write("storesync.yaml", "log: {level: shouting}\n")
        await #expect(throws: ConfigurationError.self) { try await loader.reload(current: current) }
    }
}
