import Core
import Foundation
import Testing

@testable import Daemon

@Suite("Credentials")
struct CredentialTests {
    /// Four sources of every credential at once, each with its own value.
    private func allSources(_ directory: TestDirectory) throws -> (yaml: String, environment: [String: String]) {
        try directory.write("credentials/rd_client_id", "rd_client_systemd\n", mode: 0o400)
        try directory.write("credentials/rd_api_key", "sk_live_systemd_key\n", mode: 0o400)
        try directory.write("credentials/retagly_token", "rt_store_systemd\n", mode: 0o400)
        let clientFile = try directory.write("client_id", "rd_client_file\n")
        let keyFile = try directory.write("api_key", "  sk_live_file_key \n")
        let tokenFile = try directory.write("token", "rt_store_file")
        let yaml = """
            upstream:
              client_id: rd_client_config
              client_id_file: \(clientFile)
              api_key: sk_live_config_key
              api_key_file: \(keyFile)
            shelf:
              base_url: https://retagly.example
              token: rt_store_config
              token_file: \(tokenFile)
            """
        let environment = [
            "CREDENTIALS_DIRECTORY": directory.path + "/credentials", "RD_CLIENT_ID": "rd_client_env",
            "RD_API_KEY": "sk_live_env_key", "RETAGLY_TOKEN": "rt_store_env",
        ]
        return (yaml, environment)
    }

    @Test("systemd credentials win over files, files over the environment, the environment over config values")
    func precedence() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        var (yaml, environment) = try allSources(directory)
        var c = try await loadConfiguration(yaml, environment: environment, in: directory).configuration
        #expect(
            c.upstream.clientID == "rd_client_systemd"
                && c.upstream.clientIDSource == .systemdCredential("rd_client_id"))
        #expect(c.upstream.apiKey?.revealed == "sk_live_systemd_key")
        #expect(c.shelf.token?.revealed == "rt_store_systemd")

        environment["CREDENTIALS_DIRECTORY"] = directory.path + "/empty-credentials"
        c = try await loadConfiguration(yaml, environment: environment, in: directory).configuration
        #expect(c.upstream.clientID == "rd_client_file")
        #expect(c.upstream.apiKey?.revealed == "sk_live_file_key")
        #expect(c.upstream.apiKeySource == .file(path: directory.path + "/api_key", key: "upstream.api_key_file"))
        #expect(c.shelf.token?.revealed == "rt_store_file")

        yaml = yaml.split(separator: "\n").filter { !$0.contains("_file:") }.joined(separator: "\n")
        c = try await loadConfiguration(yaml, environment: environment, in: directory).configuration
        #expect(c.upstream.clientID == "rd_client_env" && c.upstream.clientIDSource == .environment("RD_CLIENT_ID"))
        #expect(c.upstream.apiKey?.revealed == "sk_live_env_key")
        #expect(c.shelf.token?.revealed == "rt_store_env")

        environment = [:]
        c = try await loadConfiguration(yaml, environment: environment, in: directory).configuration
        #expect(c.upstream.clientID == "rd_client_config")
        #expect(c.upstream.apiKey?.revealed == "sk_live_config_key")
        #expect(c.upstream.apiKeySource == .configuration("upstream.api_key"))
        #expect(c.shelf.token?.revealed == "rt_store_config")
    }

    @Test("An empty or absent systemd credential counts as not given and the next source is used")
    func emptySystemdCredential() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        try directory.write("credentials/rd_api_key", "\n", mode: 0o400)
        let environment = [
            "CREDENTIALS_DIRECTORY": directory.path + "/credentials", "RD_CLIENT_ID": "rd_client_env",
            "RD_API_KEY": "sk_live_env_fallback",
        ]
        let c = try await loadConfiguration(nil, environment: environment, in: directory).configuration
        #expect(c.upstream.apiKey?.revealed == "sk_live_env_fallback")
        #expect(c.upstream.clientIDSource == .environment("RD_CLIENT_ID"))
    }

    @Test("A credential file that others can read is a warning; 0600 is not")
    func filePermissions() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let open = try directory.write("open_key", "sk_live_open_key", mode: 0o644)
        let closed = try directory.write("client", "rd_client_closed", mode: 0o600)
        let yaml = "upstream:\n  api_key_file: \(open)\n  client_id_file: \(closed)\n"
        let loaded = try await loadConfiguration(yaml, in: directory)
        #expect(loaded.warnings.map(\.subject) == ["upstream.api_key_file"])
        #expect(loaded.warnings[0].message.contains("chmod 0600"))
        #expect(loaded.warnings[0].message.contains("0644"))
    }

    @Test("A credential file that is missing or empty is a problem naming the file, never a value")
    func unusableFiles() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let empty = try directory.write("empty", "\n")
        let yaml = "upstream:\n  api_key_file: \(empty)\n  client_id_file: \(directory.path)/missing\n"
        let found = await problems(yaml, in: directory)
        #expect(found.map(\.key) == ["upstream.client_id_file", "upstream.api_key_file"])
        #expect(found[0].allowed.contains("No such file"))
        #expect(found[1].allowed.contains("empty"))
    }

    @Test("Secret prints as [redacted] in every form, and reveals only through revealed")
    func secretPrinting() {
        let secret = Secret("sk_live_never_printed")
        #expect("\(secret)" == "[redacted]")
        #expect(String(reflecting: secret) == "Secret([redacted])")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("never_printed"))
        #expect(secret.revealed == "sk_live_never_printed")
    }
}
