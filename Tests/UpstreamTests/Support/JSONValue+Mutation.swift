import Core

extension JSONValue {
    /// This value with the member at `path` replaced by `value` (removed when `nil`); a key made of
    /// digits indexes an array. Missing objects on the way are created.
    func replacing(_ path: ArraySlice<String>, with value: JSONValue?) -> JSONValue {
        guard let key = path.first else { return value ?? .null }
        let rest = path.dropFirst()
        if case .array(var items) = self, let index = Int(key), items.indices.contains(index) {
            items[index] = items[index].replacing(rest, with: value)
            return .array(items)
        }
        if rest.isEmpty, value == nil { return removing(key) }
        return setting(key, to: (self[key] ?? .object([])).replacing(rest, with: value))
    }
}
