import Core

extension SandboxAPIResponse {
    /// This answer changed by a rewrite ``Fault`` (any other fault leaves it as it is).
    func rewritten(by fault: Fault) -> SandboxAPIResponse {
        var copy = self
        switch fault {
        case .header(let name, let value):
            copy.headers.removeAll { $0.name.lowercased() == name.lowercased() }
            copy.headers.append((name, value))
        case .bodyField(let path, let literal):
            guard let json = try? JSONValue(parsing: body) else { return self }
            let replacement = (try? JSONValue(parsing: literal)) ?? .number(literal)
            copy.body = Self.setting(json, at: path[...], to: replacement).jsonBytes
        default:
            break
        }
        return copy
    }

    /// `value` with the member at `path` set to `replacement` (objects made on the way when missing).
    private static func setting(_ value: JSONValue, at path: ArraySlice<String>, to replacement: JSONValue) -> JSONValue
    {
        guard let key = path.first else { return replacement }
        let child = value[key] ?? .object([])
        return value.setting(key, to: setting(child, at: path.dropFirst(), to: replacement))
    }
}
