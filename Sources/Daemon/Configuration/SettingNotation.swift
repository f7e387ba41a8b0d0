import Core
import Yams

/// Why a raw value was refused: a list where one value is expected, a value that is not allowed,
/// or a list's bad items (`not allowed: pictures`, `front (twice)`, `the list is empty`).
enum SettingRejection: Error {
    case notSingle, notAllowed, badItems(String)
}

/// How one kind of value is written in the configuration: what is allowed, how a raw value (one
/// text, or a list) is read, and how a value is written back as YAML.
struct SettingNotation<Value>: Sendable {
    /// What is allowed, e.g. `a whole number, from 1 to 8`.
    let allowed: String
    /// The short form for the example file's comment, e.g. `1 to 8`.
    var hint: String?
    /// The value, or why it is refused.
    let read: @Sendable (RawSetting.Shape) throws(SettingRejection) -> Value
    /// The value as YAML; `nil` for a value that is not set.
    let yaml: @Sendable (Value) -> Node?

    /// The same values, and `alternative` said in what is allowed (`…, or empty for the system's`).
    func or(_ alternative: String) -> Self {
        Self(allowed: allowed + ", or " + alternative, hint: hint, read: read, yaml: yaml)
    }

    /// The same values for a key that may be unset (`nil`, its default), which prints empty.
    var optional: SettingNotation<Value?> {
        SettingNotation<Value?>(
            allowed: allowed, hint: hint, read: { shape throws(SettingRejection) in try read(shape) },
            yaml: { $0.flatMap(yaml) })
    }

    /// The value of one text, or `nil` when it is not allowed.
    func value(of text: String) -> Value? { try? read(.scalar(text)) }
}

extension SettingNotation {
    /// One text read by `parse` (without surrounding spaces); a list is refused.
    init(
        _ allowed: String, hint: String? = nil, yaml: @escaping @Sendable (Value) -> Node?,
        parse: @escaping @Sendable (String) -> Value?
    ) {
        self.init(
            allowed: allowed, hint: hint,
            read: { shape throws(SettingRejection) in
                guard case .scalar(let text) = shape else { throw .notSingle }
                guard let value = parse(text.trimmingSpaces) else { throw .notAllowed }
                return value
            }, yaml: yaml)
    }
}

extension SettingNotation where Value: Comparable & Sendable {
    /// A `kind` of value within `range`; what is allowed names the bounds as the file writes them.
    static func within(
        _ range: ClosedRange<Value>, _ kind: String, format: @escaping @Sendable (Value) -> String,
        parse: @escaping @Sendable (String) -> Value?
    ) -> Self {
        let bounds = "\(format(range.lowerBound)) to \(format(range.upperBound))"
        return Self(
            "\(kind), from \(bounds)", hint: bounds,
            yaml: { ConfigurationYAML.plain(format($0)) },
            parse: { parse($0).flatMap { range.contains($0) ? $0 : nil } })
    }
}

extension SettingNotation where Value == String {
    /// Text that `parse` accepts (a path, a URL, a zone name), written back as it was read.
    static func text(_ allowed: String, _ parse: @escaping @Sendable (String) -> String?) -> Self {
        Self(allowed, yaml: ConfigurationYAML.text, parse: parse)
    }
}

extension SettingNotation where Value: CaseIterable & RawRepresentable<String> & Sendable {
    /// One of the cases by name, any case (`info`, `JSON`); `aliases` are other names accepted.
    static func oneOf(_ type: Value.Type, aliases: [String: Value] = [:]) -> Self {
        let names = Value.allCases.map(\.rawValue)
        let allowed = names.dropLast().joined(separator: ", ") + " or " + names.last!
        return Self(allowed, hint: allowed, yaml: { ConfigurationYAML.text($0.rawValue) }) {
            Value(rawValue: $0.lowercased()) ?? aliases[$0.lowercased()]
        }
    }
}

extension SettingNotation {
    /// A list, as a YAML sequence or one comma-separated text (as the environment gives it), of
    /// items `item` accepts and `text` writes back. A bad item or a repeated one makes the whole
    /// value a problem.
    static func list<Item: Hashable & Sendable>(
        _ allowed: String, hint: String? = nil, item: @escaping @Sendable (String) -> Item?,
        text: @escaping @Sendable (Item) -> String
    ) -> Self where Value == [Item] {
        Self(
            allowed: allowed, hint: hint,
            read: { shape throws(SettingRejection) in
                var parsed: [Item] = []
                var bad: [String] = []
                for text in shape.items {
                    if let element = item(text), !parsed.contains(element) {
                        parsed.append(element)
                    } else {
                        bad.append(item(text) == nil ? text : text + " (twice)")
                    }
                }
                guard bad.isEmpty, !parsed.isEmpty else {
                    throw .badItems(bad.isEmpty ? "the list is empty" : "not allowed: " + bad.joined(separator: ", "))
                }
                return parsed
            }, yaml: { ConfigurationYAML.list($0.map(text)) })
    }

    /// A list of cases by their exact names.
    static func list<Item>(of type: Item.Type) -> Self
    where Value == [Item], Item: CaseIterable & RawRepresentable<String> & Hashable & Sendable {
        let names = Item.allCases.map(\.rawValue).joined(separator: ", ")
        return list("a list of " + names, hint: names, item: { Item(rawValue: $0) }, text: { $0.rawValue })
    }
}

/// A value with a text form of its own (`03:00`, `sunday`).
protocol SettingText: CustomStringConvertible, Sendable {
    init?(parsing text: some StringProtocol)
}

extension TimeOfDay: SettingText {}
extension Weekday: SettingText {}

extension SettingNotation where Value: SettingText {
    /// A value read by its own parser and written as it describes itself.
    static func parsed(_ type: Value.Type, _ allowed: String) -> Self {
        Self(allowed, yaml: { ConfigurationYAML.text($0.description) }, parse: { Value(parsing: $0) })
    }
}

extension SettingNotation {
    /// `off` (also `false`, `no`, `none`): `nil`, or a value in `notation`.
    static func offOr<Wrapped>(_ notation: SettingNotation<Wrapped>) -> Self where Value == Wrapped? {
        Self(
            allowed: "off or " + notation.allowed,
            read: { shape throws(SettingRejection) in
                let off = ["off", "false", "no", "none"]
                if case .scalar(let text) = shape, off.contains(text.trimmingSpaces.lowercased()) { return nil }
                return try notation.read(shape)
            },
            yaml: { value in
                guard let value else { return ConfigurationYAML.text("off") }
                return notation.yaml(value)
            })
    }
}
