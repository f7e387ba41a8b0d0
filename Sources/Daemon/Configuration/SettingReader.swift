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

    /// A map of names to values (`metrics.labels`): the file's mapping (`{store: "0042"}`), or a
    /// text of `name=value` pairs separated by commas (the environment's form, also accepted in the
    /// file). `check` says what is wrong with one item; every bad item, a duplicate and more than
    /// `maximum` items make the whole value a problem.
    mutating func pairs(
        _ name: String, allowed: String, maximum: Int, check: (String, String) -> String?
    ) -> [(name: String, value: String)]? {
        guard let key = ConfigurationKey.named(name) else {
            preconditionFailure("unknown configuration key \(name)")
        }
        var items: [(name: String, value: String)] = []
        let raw: RawSetting
        if let given = values.raw(key) {
            raw = given
            let texts: [String]
            switch given.shape {
            case .scalar(let text):
                let body = text.trimmingSpaces
                texts = body == "{}" ? [] : body.trimmingBrackets.split(separator: ",").map { $0.trimmingSpaces }
            case .list(let list): texts = list.map { $0.trimmingSpaces }
            }
            for text in texts {
                guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                    report(
                        key, raw, allowed: "expected name=value pairs separated by commas (not '\(text)'): " + allowed)
                    return nil
                }
                items.append((text[..<equals].trimmingSpaces, text[text.index(after: equals)...].trimmingSpaces))
            }
        } else {
            items = values.fileItems(key)
            guard !items.isEmpty else { return nil }
            let shown = items.map { "\($0.name): \($0.value)" }.joined(separator: ", ")
            raw = RawSetting(shape: .scalar("{\(shown)}"), origin: "file \(values.filePath ?? "?")")
        }
        var bad: [String] = []
        var seen = Set<String>()
        for item in items {
            if let problem = check(item.name, item.value) { bad.append(problem) }
            if !seen.insert(item.name).inserted { bad.append("\(item.name) appears twice") }
        }
        if items.count > maximum { bad.append("at most \(maximum) items") }
        guard bad.isEmpty else {
            report(key, raw, allowed: "expected \(allowed) (\(bad.joined(separator: "; ")))")
            return nil
        }
        return items
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
