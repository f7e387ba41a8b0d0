import Foundation

/// Encodes `Encodable` documents as ``JSONValue`` (then ``JSONValue/jsonText``), so a typed
/// document writes the bytes a hand-built one did: keys in the order the properties are declared,
/// `nil` as `null`, numbers as exact text (``Credits`` as `2.6`; a ``JSONValue`` member such as
/// `product_meta` unchanged), a `Date` as ``Timestamp`` text, and property names as snake_case keys
/// (`imageBytes` → `image_bytes`, `syncID` → `sync_id`) unless ``KeyStyle/asIs``.
///
/// A property declared `T??` is left out while it is `.none` and written as `null` for
/// `.some(nil)`: the one way to say "this key appears only in some states" (`resume_at`).
public struct JSONValueEncoder: Sendable {
    /// How property names become keys (and are looked up by ``JSONValueDecoder``).
    public enum KeyStyle: Sendable {
        /// `imageBytes` → `image_bytes`: the socket, Retail Digitals.
        case snakeCase
        /// As declared: Retagly's camelCase.
        case asIs
    }

    public var keys: KeyStyle

    public init(keys: KeyStyle = .snakeCase) { self.keys = keys }

    /// The JSON of `value`.
    public func encode(_ value: some Encodable) throws -> JSONValue {
        let node = Node()
        try value.encode(to: ValueEncoder(node: node, keys: keys, codingPath: []))
        return node.json
    }

    /// The JSON of a document this process built. Only a ``JSONValue`` handed to another encoder
    /// fails to encode, so a failure here is a programming error.
    public static func json(_ value: some Encodable, keys: KeyStyle = .snakeCase) -> JSONValue {
        do { return try JSONValueEncoder(keys: keys).encode(value) } catch { preconditionFailure("\(error)") }
    }

    /// `camelCase` → `camel_case`; a run of capitals is one word (`syncID` → `sync_id`).
    static func snakeCase(_ name: String) -> String {
        var out = ""
        var previous: Character?
        for character in name {
            if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { out += "_" }
            out += character.lowercased()
            previous = character
        }
        return out
    }

    /// `name` as a key in `style`.
    static func key(_ name: String, _ style: KeyStyle) -> String { style == .snakeCase ? snakeCase(name) : name }
}

/// A value being built: a container hands out child nodes before their contents are known.
final class Node {
    enum Content {
        case value(JSONValue)
        case object([(key: String, node: Node)])
        case array([Node])
    }

    var content = Content.value(.null)

    var json: JSONValue {
        switch content {
        case .value(let value): return value
        case .object(let members): return .object(members.map { ($0.key, $0.node.json) })
        case .array(let items): return .array(items.map(\.json))
        }
    }

    /// A new member `key` of this object (replacing an earlier one of the same key).
    func member(_ key: String) -> Node {
        let node = Node()
        guard case .object(var members) = content else { return node }
        members.removeAll { $0.key == key }
        content = .object(members + [(key, node)])
        return node
    }

    /// A new element at the end of this array.
    func element() -> Node {
        let node = Node()
        if case .array(let items) = content { content = .array(items + [node]) }
        return node
    }
}

/// The `Encoder` (and single-value container) that fills one ``Node``.
struct ValueEncoder: Encoder, SingleValueEncodingContainer {
    let node: Node
    let keys: JSONValueEncoder.KeyStyle
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(Keyed<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() { node.content = .value(.null) }

    /// The primitive types here; anything else by its `encode(to:)`.
    func encode(_ value: some Encodable) throws {
        switch value {
        case let text as String: node.content = .value(.string(text))
        case let flag as Bool: node.content = .value(.bool(flag))
        case let date as Date: node.content = .value(.string(Timestamp.format(date)))
        case let number as Double: node.content = .value(number.isFinite ? .number("\(number)") : .null)
        case let number as Float: node.content = .value(number.isFinite ? .number("\(number)") : .null)
        case let number as any BinaryInteger: node.content = .value(.number("\(number)"))
        default: try value.encode(to: self)
        }
    }

    /// The encoder of `node`, a member or element of this one at `key`.
    func child(_ node: Node, _ key: any CodingKey) -> ValueEncoder {
        ValueEncoder(node: node, keys: keys, codingPath: codingPath + [key])
    }

    /// Members of an object.
    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: ValueEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        func child(_ key: any CodingKey) -> ValueEncoder {
            encoder.child(encoder.node.member(JSONValueEncoder.key(key.stringValue, encoder.keys)), key)
        }

        mutating func encodeNil(forKey key: Key) { child(key).encodeNil() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try child(key).encode(value) }

        /// `nil` is `null`, except a `T??` that is `.none`: that key is left out.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { return try encode(value, forKey: key) }
            if !(T.self is any OptionalProtocol.Type) { encodeNil(forKey: key) }
        }

        // The standard library's own `encodeIfPresent` for these types would leave `nil` out.
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encode(value, forKey: key) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encode(value, forKey: key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encode(value, forKey: key) }
        mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encode(value, forKey: key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encode(value, forKey: key) }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encode(value, forKey: key) }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encode(value, forKey: key) }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encode(value, forKey: key) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encode(value, forKey: key) }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encode(value, forKey: key) }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encode(value, forKey: key) }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encode(value, forKey: key) }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encode(value, forKey: key) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encode(value, forKey: key) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            child(key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            child(key).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { child(JSONKey("super")) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { child(key) }
    }

    /// Elements of an array.
    struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: ValueEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }
        var count: Int {
            guard case .array(let items) = encoder.node.content else { return 0 }
            return items.count
        }

        func next() -> ValueEncoder {
            let key = JSONKey(index: count)
            return encoder.child(encoder.node.element(), key)
        }

        mutating func encodeNil() { next().encodeNil() }
        mutating func encode<T: Encodable>(_ value: T) throws { try next().encode(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            next().container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { next().unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { next() }
    }
}

/// A key made at run time: an object member's name or an array index.
struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ name: String) { stringValue = name }
    init(index: Int) { (stringValue, intValue) = ("\(index)", index) }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}

/// Lets the encoder tell `T??` from `T?`.
protocol OptionalProtocol {}
extension Optional: OptionalProtocol {}
