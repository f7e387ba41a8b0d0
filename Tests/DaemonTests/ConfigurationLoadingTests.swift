import Configuration
import Core
import Foundation
import Logging
import Lookup
import Testing

@testable import Daemon

@Suite("Configuration loading")
struct ConfigurationLoadingTests {
    @Test("Without a file the defaults of product.md apply and missing credentials are only a warning")
    func defaultsWithoutFile() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let loaded = try await loadConfiguration(nil, in: directory)
        let configuration = loaded.configuration
        #expect(configuration.filePath == nil)
        #expect(configuration.upstream.baseURL == "https://images.retaildigitals.com/api/v1")
        #expect(configuration.upstream.include == [.productMeta, .images])
        #expect(configuration.upstream.variants == [.front])
        #expect(configuration.upstream.dailyCreditLimit == .zero)
        #expect(configuration.upstream.scanReserve == 0.2)
        #expect(configuration.storage.stateDirectory == "/var/lib/storesync")
        #expect(configuration.storage.metadataTTL == .seconds(86_400))
        #expect(configuration.storage.negativeTTL == .seconds(7 * 86_400))
        #expect(configuration.listen.socketPath == "/run/storesync/lookup.sock")
        #expect(configuration.listen.socketMode == 0o660)
        #expect(configuration.listen.tcp == nil)
        #expect(configuration.catalog.path == nil)
        #expect(configuration.sync.at.description == "03:00")
        #expect(configuration.sync.timeZoneIdentifier == nil)
        #expect(configuration.sync.jitter == .seconds(1200))
        #expect(configuration.sync.bulkCheck && configuration.sync.enabled)
        #expect(configuration.lookup.liveTimeout == .milliseconds(800))
        #expect(configuration.shelf.baseURL == nil && !configuration.shelf.isEnabled)
        #expect(configuration.log.level == .info && configuration.log.format == .logfmt)
        #expect(loaded.warnings.map(\.subject) == ["upstream"])
    }

    @Test("A --config file that does not exist is an error naming the path")
    func explicitMissingFile() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let loader = ConfigurationLoader(path: directory.path + "/nope.yaml", environment: [:])
        await #expect(throws: ConfigurationError.self) { try await loader.load() }
        do {
            _ = try await loader.load()
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.description.contains("\(directory.path)/nope.yaml"))
            #expect(error.description.contains("does not exist"))
        }
    }

    @Test("Every key of a complete file is read into its section")
    func completeFile() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let yaml = """
            upstream:
              base_url: http://127.0.0.1:8780/api/v1/
              client_id: rd_client_file
              api_key: sk_test_fromfile123
              include: [product_meta, image_meta, images]
              variants: [front, back_clean]
              daily_credit_limit: 250.5
              scan_reserve: 0.35
              request_timeout: 30s
              max_image_bytes: 2MiB
            storage: {state_dir: /srv/storesync, metadata_ttl: 12h, negative_ttl: 3d}
            listen:
              socket: /run/pos/lookup.sock
              socket_mode: "0640"
              tcp: 127.0.0.1:8787
              max_connections: 64
              idle_timeout: 2m
            lookup: {live_timeout: 1500ms, max_staleness: 2d, image_cache_bytes: 0}
            catalog: {path: /srv/pos/catalog.csv}
            sync:
              enabled: no
              at: "4:30"
              timezone: America/New_York
              jitter: 0s
              bulk_check: off
              full_refresh: Sunday
              overlap: 1h
              concurrency: 4
            shelf: {base_url: https://api.retagly.example/v1, token: rt_store_fromfile, full_push: "05:15"}
            log: {level: debug, format: json}
            """
        let loaded = try await loadConfiguration(yaml, in: directory)
        let c = loaded.configuration
        #expect(c.upstream.baseURL == "http://127.0.0.1:8780/api/v1")
        #expect(c.upstream.clientID == "rd_client_file")
        #expect(c.upstream.apiKey?.revealed == "sk_test_fromfile123")
        #expect(c.upstream.apiKeySource == .configuration("upstream.api_key"))
        #expect(c.upstream.include == [.productMeta, .imageMeta, .images])
        #expect(c.upstream.variants == [.front, .backClean])
        #expect(c.upstream.dailyCreditLimit == Credits(thousandths: 250_500))
        #expect(c.upstream.scanReserve == 0.35)
        #expect(c.upstream.requestTimeout == .seconds(30))
        #expect(c.upstream.maxImageBytes == 2 << 20)
        #expect(c.storage.stateDirectory == "/srv/storesync")
        #expect(c.storage.metadataTTL == .seconds(12 * 3600) && c.storage.negativeTTL == .seconds(3 * 86_400))
        #expect(c.listen.socketPath == "/run/pos/lookup.sock" && c.listen.socketMode == 0o640)
        #expect(c.listen.tcp?.description == "127.0.0.1:8787")
        #expect(c.listen.maxConnections == 64 && c.listen.idleTimeout == .seconds(120))
        #expect(c.lookup.liveTimeout == .milliseconds(1500) && c.lookup.maxStaleness == .seconds(2 * 86_400))
        #expect(c.lookup.imageCacheBytes == 0)
        #expect(c.catalog.path == "/srv/pos/catalog.csv")
        #expect(!c.sync.enabled && c.sync.at == TimeOfDay(hour: 4, minute: 30))
        #expect(c.sync.timeZone.identifier == "America/New_York")
        #expect(c.sync.jitter == .zero && !c.sync.bulkCheck && c.sync.fullRefresh == .sunday)
        #expect(c.sync.overlap == .seconds(3600) && c.sync.concurrency == 4)
        #expect(c.shelf.baseURL == "https://api.retagly.example/v1" && c.shelf.isEnabled)
        #expect(c.shelf.fullPush == TimeOfDay(hour: 5, minute: 15)!)
        #expect(c.log.level == .debug && c.log.format == .json)
        let subjects = Set(loaded.warnings.map(\.subject))
        #expect(subjects == ["upstream.api_key", "shelf.token", "catalog.path"])
    }

    @Test("An empty file (comments only) loads the defaults")
    func emptyFile() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let loaded = try await loadConfiguration("# nothing here\n", environment: credentialEnvironment, in: directory)
        #expect(loaded.configuration.listen.socketPath == "/run/storesync/lookup.sock")
        #expect(loaded.warnings.isEmpty)
    }

    @Test("Unknown keys in the file and unknown STORESYNC_ variables are warned about, not ignored silently")
    func unknownKeys() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let yaml = "sync:\n  att: \"04:00\"\nlisten:\n  socket: /run/x.sock\nupstrem:\n  base_url: https://a.example\n"
        var environment = credentialEnvironment
        environment["STORESYNC_SYNC_ATT"] = "05:00"
        environment["STORESYNC_SOCKET"] = "/run/other.sock"
        let loaded = try await loadConfiguration(yaml, environment: environment, in: directory)
        #expect(Set(loaded.warnings.map(\.subject)) == ["sync.att", "upstrem.base_url", "STORESYNC_SYNC_ATT"])
        #expect(loaded.warnings.allSatisfy { $0.message.contains("a typo?") })
        #expect(loaded.configuration.listen.socketPath == "/run/x.sock")
    }

    @Test("YAML that does not parse is reported with its line, never with the text around it")
    func syntaxError() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let yaml = "upstream:\n  api_key: sk_live_fake_supersecret99\n  base_url: [unclosed\n"
        let found = await problems(yaml, in: directory)
        #expect(found.count == 1)
        let text = found.map(\.description).joined()
        #expect(text.contains("not valid YAML at line"))
        #expect(!text.contains("supersecret"))
    }
}
