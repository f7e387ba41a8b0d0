import Configuration
import Core
import Foundation
import Logging
import Lookup
import Testing

@testable import Daemon

@Suite("Configuration from the environment")
struct ConfigurationEnvironmentTests {
    @Test("swift-configuration looks up every key under STORESYNC_ plus the key in capitals, dots and underscores as _")
    func environmentNamesMatchTheLibrary() {
        for key in DaemonConfiguration.settings {
            let provider = EnvironmentVariablesProvider(environmentVariables: [key.environmentName: "value-\(key.name)"]
            )
            let reader = ConfigReader(provider: provider.prefixKeys(with: "storesync"))
            #expect(reader.string(forKey: ConfigKey(key.name)) == "value-\(key.name)", "\(key.environmentName)")
        }
        #expect(Setting.named("upstream.base_url")?.environmentName == "STORESYNC_UPSTREAM_BASE_URL")
        #expect(
            Setting.named("upstream.max_image_bytes")?.environmentName == "STORESYNC_UPSTREAM_MAX_IMAGE_BYTES")
        let squashed = EnvironmentVariablesProvider(environmentVariables: ["STORESYNC_UPSTREAM_BASEURL": "x"])
        #expect(
            ConfigReader(provider: squashed.prefixKeys(with: "storesync")).string(forKey: "upstream.base_url") == nil)
    }

    @Test("An environment variable overrides the file, and a list comes comma-separated")
    func environmentOverridesFile() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let yaml = "upstream:\n  base_url: https://file.example/api/v1\n  variants: [front]\nsync:\n  at: \"02:00\"\n"
        var environment = credentialEnvironment
        environment["STORESYNC_UPSTREAM_BASE_URL"] = "https://env.example/api/v1"
        environment["STORESYNC_UPSTREAM_VARIANTS"] = "front,back"
        environment["STORESYNC_UPSTREAM_MAX_IMAGE_BYTES"] = "1048576"
        environment["STORESYNC_LISTEN_SOCKET_MODE"] = "0600"
        let loaded = try await loadConfiguration(yaml, environment: environment, in: directory)
        let c = loaded.configuration
        #expect(c.upstream.baseURL == "https://env.example/api/v1")
        #expect(c.upstream.variants == [.front, .back])
        #expect(c.upstream.maxImageBytes == 1 << 20)
        #expect(c.listen.socketMode == 0o600)
        #expect(c.sync.at.description == "02:00")
    }

    @Test("A bad environment value names the variable it came from")
    func environmentOrigin() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        var environment = credentialEnvironment
        environment["STORESYNC_SYNC_JITTER"] = "soon"
        let found = await problems(nil, environment: environment, in: directory)
        #expect(
            found.map(\.description) == [
                "sync.jitter = \"soon\" (environment STORESYNC_SYNC_JITTER): expected a duration such as 800ms, 30s, "
                    + "20m, 24h or 7d, from 0s to 6h"
            ])
    }
}
