import Configuration

/// Reads raw values through swift-configuration: the `STORESYNC_*` environment over the YAML file.
///
/// Every value is read as text (YAML scalars keep their text as written, so an unquoted `0660` stays
/// `0660`) or as a list, and checked by ``SettingReader`` with messages of our own.
struct ConfigurationValues: Sendable {
    let reader: ConfigReader
    let environment: [String: String]
    let filePath: String?
    /// The keys the file sets, dotted (`sync.at`, `metrics.labels.store`).
    let fileKeys: [String]

    /// - Parameter file: the YAML file's provider, `nil` when no file is read.
    init(
        file: FileProvider<YAMLSnapshot>?, filePath: String?, fileKeys: [String] = [], environment: [String: String]
    ) {
        var providers: [any ConfigProvider] = [
            EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "storesync")
        ]
        if let file { providers.append(file) }
        self.reader = ConfigReader(providers: providers)
        self.environment = environment
        self.filePath = filePath
        self.fileKeys = fileKeys
    }

    /// The items of a map key as the file writes them (`metrics.labels: {store: "0042"}` →
    /// `[("store", "0042")]`), in file order; empty when the file sets none.
    func fileItems(_ key: String) -> [(name: String, value: String)] {
        let prefix = key + "."
        return fileKeys.filter { $0.hasPrefix(prefix) }.map { name in
            (String(name.dropFirst(prefix.count)), reader.string(forKey: ConfigKey(name)) ?? "")
        }
    }

    /// The raw value of `key`, or `nil` when neither the environment nor the file sets it.
    func raw(_ key: Setting) -> RawSetting? {
        let configKey = ConfigKey(key.name)
        let origin =
            environment[key.environmentName] != nil
            ? "environment \(key.environmentName)" : "file \(filePath ?? "?")"
        if let text = reader.string(forKey: configKey, isSecret: key.isSecret) {
            return RawSetting(shape: .scalar(text), origin: origin)
        }
        if let items = reader.stringArray(forKey: configKey, isSecret: key.isSecret) {
            return RawSetting(shape: .list(items), origin: origin)
        }
        return nil
    }
}
