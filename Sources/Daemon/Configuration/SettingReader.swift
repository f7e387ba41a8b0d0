/// Reads and checks one key at a time, collecting every problem instead of stopping at the first.
///
/// Each `value` call returns the parsed value, or `nil` when the key is not set (or set empty,
/// meaning "the default") or when its value is bad — then a ``ConfigurationProblem`` with the key,
/// the value, its origin and `allowed` is recorded.
struct SettingReader {
    let values: ConfigurationValues
    private(set) var problems: [ConfigurationProblem] = []

    init(values: ConfigurationValues) { self.values = values }

    /// A single value; a list where one value is expected is a problem.
    mutating func value<T>(_ name: String, allowed: String, parse: (String) -> T?) -> T? {
        guard let key = ConfigurationKey.named(name) else {
            preconditionFailure("unknown configuration key \(name)")
        }
        guard let raw = values.raw(key), !raw.isUnset else { return nil }
        guard case .scalar(let text) = raw.shape else {
            report(key, raw, allowed: "expected a single value, not a list: " + allowed)
            return nil
        }
        guard let parsed = parse(text.trimmingSpaces) else {
            report(key, raw, allowed: "expected " + allowed)
            return nil
        }
        return parsed
    }

    /// A list, written as a YAML sequence or as one comma-separated text (as the environment gives
    /// it). Every bad element, and a duplicate, makes the whole value a problem.
    mutating func list<T: Hashable>(_ name: String, allowed: String, parse: (String) -> T?) -> [T]? {
        guard let key = ConfigurationKey.named(name) else {
            preconditionFailure("unknown configuration key \(name)")
        }
        guard let raw = values.raw(key), !raw.isUnset else { return nil }
        let items: [String]
        switch raw.shape {
        case .scalar(let text):
            items = text.trimmingSpaces.trimmingBrackets.split(separator: ",").map { $0.trimmingSpaces }
        case .list(let list):
            items = list.map { $0.trimmingSpaces }
        }
        var parsed: [T] = []
        var bad: [String] = []
        for item in items {
            guard let element = parse(item) else {
                bad.append(item)
                continue
            }
            if parsed.contains(element) {
                bad.append(item + " (twice)")
            } else {
                parsed.append(element)
            }
        }
        guard bad.isEmpty, !parsed.isEmpty else {
            let detail = bad.isEmpty ? "the list is empty" : "not allowed: " + bad.joined(separator: ", ")
            report(key, raw, allowed: "expected \(allowed) (\(detail))")
            return nil
        }
        return parsed
    }

    /// Records a problem with a value that parsed but does not fit with another (checked by the caller).
    mutating func reject(_ name: String, allowed: String) {
        guard let key = ConfigurationKey.named(name), let raw = values.raw(key) else { return }
        report(key, raw, allowed: allowed)
    }

    /// Records a problem that is not about one value as written (a credential file, a missing pair).
    mutating func record(_ problem: ConfigurationProblem) { problems.append(problem) }

    private mutating func report(_ key: ConfigurationKey, _ raw: RawSetting, allowed: String) {
        problems.append(
            ConfigurationProblem(
                key: key.name, value: key.isSecret ? nil : raw.text, origin: raw.origin, allowed: allowed))
    }
}
