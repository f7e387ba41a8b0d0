import Daemon

/// Loads `yaml` (written to a file of `directory`) under `environment`; the default path never exists.
func loadConfiguration(
    _ yaml: String?, environment: [String: String] = [:], in directory: TestDirectory
) async throws(ConfigurationError) -> LoadedConfiguration {
    let path = yaml.map { try? directory.write("storesync.yaml", $0) } ?? nil
    let loader = ConfigurationLoader(
        path: path, environment: environment, defaultPath: directory.path + "/absent/storesync.yaml")
    return try await loader.load()
}

/// The problems of a configuration that must not load (an empty list if it loads).
func problems(
    _ yaml: String?, environment: [String: String] = [:], in directory: TestDirectory
) async
    -> [ConfigurationProblem]
{
    do {
        _ = try await loadConfiguration(yaml, environment: environment, in: directory)
        return []
    } catch {
        return error.problems
    }
}

/// Environment with a complete pair of upstream credentials, so loads do not warn about them.
let credentialEnvironment = ["RD_CLIENT_ID": "rd_client_test", "RD_API_KEY": "sk_test_secretvalue123"]
