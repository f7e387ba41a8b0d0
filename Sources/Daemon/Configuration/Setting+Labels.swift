import Yams

extension Setting {
    /// `metrics.labels`: a mapping of names the operator chooses (the file's `{store: "0042"}`, or
    /// `store=0042,region=north` in the environment), each label checked by
    /// ``MetricLabel/problem(name:value:)``.
    static func labels(
        _ name: String, _ path: any WritableKeyPath<DaemonConfiguration, [MetricLabel]> & Sendable, _ summary: String
    ) -> Setting {
        Setting(
            name: name, summary: summary, hint: nil, isSecret: false,
            read: { configuration, reader in
                let items = reader.pairs(
                    name,
                    allowed: "labels such as {store: \"0042\", client: rd_client_0042}: names [a-zA-Z_][a-zA-Z0-9_]*, "
                        + "values of 1 to 128 characters",
                    maximum: MetricLabel.maximumCount, check: MetricLabel.problem(name:value:))
                if let items { configuration[keyPath: path] = items.map { MetricLabel($0.name, $0.value) } }
            },
            yaml: { configuration in
                let pairs = configuration[keyPath: path].map {
                    (ConfigurationYAML.text($0.name), ConfigurationYAML.quoted($0.value))
                }
                return Node(pairs, .implicit, .flow)
            },
            note: { _ in nil }, secret: { _ in nil }, copy: nil, isMap: true)
    }
}
