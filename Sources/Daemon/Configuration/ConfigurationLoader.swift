import Configuration
import Foundation

/// Loads the daemon's configuration: the YAML file through swift-configuration's `FileProvider`,
/// under the `STORESYNC_*` environment (`upstream.base_url` ← `STORESYNC_UPSTREAM_BASE_URL`), then the
/// credentials (see ``CredentialResolver``). Every bad value is reported, not just the first.
public struct ConfigurationLoader: Sendable {
    /// The file given with `--config`; it must exist. `nil` reads ``DaemonConfiguration/defaultPath``
    /// if it exists, and runs on defaults and the environment if it does not.
    public var explicitPath: String?
    /// The process environment (tests pass their own).
    public var environment: [String: String]
    /// The default file, replaceable for tests.
    public var defaultPath: String

    public init(
        path: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        defaultPath: String = DaemonConfiguration.defaultPath
    ) {
        self.explicitPath = path
        self.environment = environment
        self.defaultPath = defaultPath
    }

    /// The configuration and its warnings.
    /// - Throws: ``ConfigurationError`` with every problem found.
    public func load() async throws(ConfigurationError) -> LoadedConfiguration {
        var problems: [ConfigurationProblem] = []
        var warnings: [ConfigurationWarning] = []
        let (file, path, keys) = await openFile(&problems, &warnings)
        if !problems.isEmpty { throw ConfigurationError(problems: problems) }
        warnings += unknownEnvironmentWarnings()
        var reader = SettingReader(
            values: ConfigurationValues(file: file, filePath: path, fileKeys: keys, environment: environment))
        var configuration = DaemonConfiguration()
        configuration.filePath = path
        for setting in DaemonConfiguration.settings { setting.read(&configuration, &reader) }
        ProxyEnvironment.resolve(&configuration, &reader)
        var credentials = CredentialResolver(environment: environment)
        credentials.resolve(&configuration, &reader)
        problems = reader.problems
        warnings += credentials.warnings + ConfigurationChecks.warnings(for: configuration)
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        return LoadedConfiguration(configuration: configuration, warnings: warnings)
    }

    /// Reads the file for a SIGHUP: the new configuration, what was applied and what needs a restart.
    /// - Throws: ``ConfigurationError`` when the file now has problems (keep running on `current`).
    public func reload(current: DaemonConfiguration) async throws(ConfigurationError) -> ConfigurationReload {
        let loaded = try await load()
        return ConfigurationReload(current: current, loaded: loaded.configuration, warnings: loaded.warnings)
    }

    private func openFile(
        _ problems: inout [ConfigurationProblem], _ warnings: inout [ConfigurationWarning]
    ) async -> (FileProvider<YAMLSnapshot>?, String?, [String]) {
        let path = explicitPath ?? defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            if explicitPath != nil {
                problems.append(
                    ConfigurationProblem(
                        key: path, value: nil, origin: "--config",
                        allowed: "the configuration file does not exist (give an existing file, or leave --config "
                            + "out to use \(defaultPath) if present)"))
            }
            return (nil, nil, [])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            problems.append(
                ConfigurationProblem(
                    key: path, value: nil, origin: nil, allowed: "the configuration file cannot be read (permissions?)")
            )
            return (nil, path, [])
        }
        let keys: [String]
        do {
            keys = try ConfigurationFileKeys.list(yaml: String(decoding: data, as: UTF8.self), path: path)
        } catch {
            problems.append(error)
            return (nil, path, [])
        }
        for key in keys where Setting.named(key) == nil && !Setting.isMapItem(key) {
            warnings.append(ConfigurationWarning(subject: key, message: "unknown key in \(path), ignored (a typo?)"))
        }
        guard !keys.isEmpty else { return (nil, path, []) }
        do {
            let settings = ConfigReader(
                provider: InMemoryProvider(values: ["filePath": .init(.string(path), isSecret: false)]))
            return (try await FileProvider<YAMLSnapshot>(config: settings), path, keys)
        } catch {
            problems.append(ConfigurationProblem(key: path, value: nil, origin: nil, allowed: "\(error)"))
            return (nil, path, [])
        }
    }

    private func unknownEnvironmentWarnings() -> [ConfigurationWarning] {
        let known = Set(DaemonConfiguration.settings.map(\.environmentName)).union(Setting.otherEnvironmentNames)
        return environment.keys.sorted()
            .filter { $0.hasPrefix(Setting.environmentPrefix) && !known.contains($0) }
            .map { ConfigurationWarning(subject: $0, message: "not a configuration key, ignored (a typo?)") }
    }
}
