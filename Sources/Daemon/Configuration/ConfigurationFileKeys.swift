import Yams

/// Lists the keys a YAML configuration file sets, dotted as swift-configuration reads them
/// (`sync: {at: "03:00"}` → `sync.at`), so unknown (misspelt) keys can be warned about.
enum ConfigurationFileKeys {
    /// The keys, in file order; empty for a file with no document (only comments).
    /// - Throws: a ``ConfigurationProblem`` for YAML that does not parse (with line and column, never
    ///   the text around it, which could be a secret).
    static func list(yaml: String, path: String) throws(ConfigurationProblem) -> [String] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ConfigurationProblem(key: path, value: nil, origin: nil, allowed: describe(error))
        }
        guard let root else { return [] }
        guard let mapping = root.mapping else {
            throw ConfigurationProblem(
                key: path, value: nil, origin: nil,
                allowed: "the file must hold a mapping of sections (upstream:, sync:, …)")
        }
        var keys: [String] = []
        var pending: [(prefix: String, node: Node.Mapping)] = [("", mapping)]
        while !pending.isEmpty {
            let (prefix, mapping) = pending.removeFirst()
            for (keyNode, value) in mapping {
                let name = prefix + (keyNode.string ?? "?")
                if let nested = value.mapping {
                    pending.append((name + ".", nested))
                } else {
                    keys.append(name)
                }
            }
        }
        return keys
    }

    /// A YAML error as `not valid YAML at line 3, column 7: mapping values are not allowed in this context`.
    private static func describe(_ error: any Error) -> String {
        guard let yamlError = error as? YamlError else { return "not valid YAML" }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return "not valid YAML at line \(mark.line), column \(mark.column): \(problem)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            return "key \(duplicates.joined(separator: ", ")) appears twice in one section (line \(context.mark.line))"
        case .reader(let problem, _, _, _):
            return "not readable as YAML text: \(problem)"
        default:
            return "not valid YAML"
        }
    }
}
