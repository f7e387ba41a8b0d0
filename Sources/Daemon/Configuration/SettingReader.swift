import Core

/// Reads and checks one key at a time, collecting every problem instead of stopping at the first.
struct SettingReader {
    let values: ConfigurationValues
    private(set) var problems: [ConfigurationProblem] = []

    init(values: ConfigurationValues) { self.values = values }

    /// The value of `name` in `notation`, or `nil` when the key is not set (or set empty, meaning
    /// "the default") or when its value is bad; then a ``ConfigurationProblem`` with the key, the
    /// value, its origin and what is allowed is recorded.
    mutating func read<Value>(_ name: String, _ notation: SettingNotation<Value>) -> Value? {
        guard let raw = raw(name), !raw.isUnset else { return nil }
        do {
            return try notation.read(raw.shape)
        } catch {
            switch error {
            case .notSingle: report(name, raw, allowed: "expected a single value, not a list: " + notation.allowed)
            case .notAllowed: report(name, raw, allowed: "expected " + notation.allowed)
            case .badItems(let detail): report(name, raw, allowed: "expected \(notation.allowed) (\(detail))")
            }
            return nil
        }
    }

    /// The raw value of `name`, or `nil` when neither the environment nor the file sets it.
    func raw(_ name: String) -> RawSetting? {
        guard let setting = Setting.named(name) else { preconditionFailure("unknown configuration key \(name)") }
        return values.raw(setting)
    }

    /// A map of names to values (`metrics.labels`): the file's mapping (`{store: "0042"}`), or a
    /// text of `name=value` pairs separated by commas (the environment's form, also accepted in the
    /// file). `check` says what is wrong with one item; every bad item, a duplicate and more than
    /// `maximum` items make the whole value a problem.
    mutating func pairs(
        _ name: String, allowed: String, maximum: Int, check: (String, String) -> String?
    ) -> [(name: String, value: String)]? {
        var items: [(name: String, value: String)] = []
        let raw: RawSetting
        if let given = self.raw(name) {
            raw = given
            let texts = given.shape == .scalar("{}") ? [] : given.shape.items
            for text in texts {
                guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                    report(
                        name, raw, allowed: "expected name=value pairs separated by commas (not '\(text)'): " + allowed)
                    return nil
                }
                items.append((text[..<equals].trimmingSpaces, text[text.index(after: equals)...].trimmingSpaces))
            }
        } else {
            items = values.fileItems(name)
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
            report(name, raw, allowed: "expected \(allowed) (\(bad.joined(separator: "; ")))")
            return nil
        }
        return items
    }

    /// Records a problem with a value that parsed but does not fit with another (checked by the caller).
    mutating func reject(_ name: String, allowed: String) {
        guard let raw = raw(name) else { return }
        report(name, raw, allowed: allowed)
    }

    /// Records a problem that is not about one value as written (a credential file, a missing pair).
    mutating func record(_ problem: ConfigurationProblem) { problems.append(problem) }

    private mutating func report(_ name: String, _ raw: RawSetting, allowed: String) {
        let isSecret = Setting.named(name)?.isSecret ?? true
        problems.append(
            ConfigurationProblem(key: name, value: isSecret ? nil : raw.text, origin: raw.origin, allowed: allowed))
    }
}
