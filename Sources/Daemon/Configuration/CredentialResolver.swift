import Core

/// Resolves the credentials, first found wins: a systemd credential in `$CREDENTIALS_DIRECTORY`
/// (`rd_client_id`, `rd_api_key`, `retagly_token`), then the `*_file` keys, then the environment
/// (`RD_CLIENT_ID`, `RD_API_KEY`, `RETAGLY_TOKEN`), then the configuration values (`upstream.client_id`,
/// `upstream.api_key`, `shelf.token`, or their `STORESYNC_*` overrides).
struct CredentialResolver {
    /// One credential's sources, in the order of precedence.
    struct Spec {
        let systemdName: String
        let fileKey: String
        let file: String?
        let environmentName: String
        let configurationKey: String
    }

    let environment: [String: String]
    var warnings: [ConfigurationWarning] = []

    init(environment: [String: String]) { self.environment = environment }

    /// Fills the credentials of `configuration`, recording problems and warnings.
    mutating func resolve(_ configuration: inout DaemonConfiguration, _ reader: inout SettingReader) {
        let clientID = resolve(
            Spec(
                systemdName: "rd_client_id", fileKey: "upstream.client_id_file",
                file: configuration.upstream.clientIDFile,
                environmentName: "RD_CLIENT_ID", configurationKey: "upstream.client_id"), &reader)
        let apiKey = resolve(
            Spec(
                systemdName: "rd_api_key", fileKey: "upstream.api_key_file", file: configuration.upstream.apiKeyFile,
                environmentName: "RD_API_KEY", configurationKey: "upstream.api_key"), &reader)
        let token = resolve(
            Spec(
                systemdName: "retagly_token", fileKey: "shelf.token_file", file: configuration.shelf.tokenFile,
                environmentName: "RETAGLY_TOKEN", configurationKey: "shelf.token"), &reader)
        if let clientID, !clientID.text.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline }) {
            reader.record(
                ConfigurationProblem(
                    key: "upstream.client_id", value: nil, origin: clientID.source.description,
                    allowed: "a client id such as rd_client_01h8y3g7z8mnpqrsw (ASCII, no spaces)"))
        }
        configuration.upstream.clientID = clientID?.text
        configuration.upstream.clientIDSource = clientID?.source
        configuration.upstream.apiKey = apiKey.map { Secret($0.text) }
        configuration.upstream.apiKeySource = apiKey?.source
        configuration.shelf.token = token.map { Secret($0.text) }
        configuration.shelf.tokenSource = token?.source
        checkPairs(configuration, &reader)
    }

    private mutating func resolve(
        _ spec: Spec, _ reader: inout SettingReader
    ) -> (text: String, source: CredentialSource)? {
        if let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty {
            let path = directory + "/" + spec.systemdName
            do {
                let file = try CredentialFile.read(path)
                return (file.text, .systemdCredential(spec.systemdName))
            } catch  where !error.isMissing {
                reader.record(
                    ConfigurationProblem(
                        key: "credential \(spec.systemdName)", value: path, origin: "CREDENTIALS_DIRECTORY",
                        allowed: error.reason))
                return nil
            } catch {}
        }
        if let path = spec.file {
            do {
                let file = try CredentialFile.read(path)
                if file.isReadableByOthers {
                    let mode = String(file.mode, radix: 8)
                    warnings.append(
                        ConfigurationWarning(
                            subject: spec.fileKey,
                            message: "\(path) is readable by others than its owner (mode 0\(mode)); "
                                + "run chmod 0600 \(path)"))
                }
                return (file.text, .file(path: path, key: spec.fileKey))
            } catch {
                reader.record(
                    ConfigurationProblem(key: spec.fileKey, value: path, origin: nil, allowed: error.reason))
                return nil
            }
        }
        if let value = environment[spec.environmentName]?.trimmingSpaces, !value.isEmpty {
            return (value, .environment(spec.environmentName))
        }
        let raw = reader.raw(spec.configurationKey)
        if let raw, !raw.isUnset, case .scalar(let text) = raw.shape {
            if spec.configurationKey != "upstream.client_id", raw.origin.hasPrefix("file") {
                warnings.append(
                    ConfigurationWarning(
                        subject: spec.configurationKey,
                        message: "a secret in the configuration file; move it to \(spec.fileKey) "
                            + "or the systemd credential \(spec.systemdName)"))
            }
            return (text.trimmingSpaces, .configuration(spec.configurationKey))
        }
        if let raw, !raw.isUnset {
            reader.reject(spec.configurationKey, allowed: "expected a single value, not a list")
        }
        return nil
    }
}
