import Foundation

/// Decodes `Decodable` documents from a parsed ``JSONValue``, the mirror of ``JSONValueEncoder``:
/// snake_case keys unless ``JSONValueEncoder/KeyStyle/asIs``, whole numbers read with overflow
/// checks (``CheckedNumber``: `1e300` is no `Int`), ``Credits`` exact to the thousandth, a `Date`
/// from ``Timestamp`` text, and a ``JSONValue`` property (`product_meta`) taken whole. A missing key
/// or a `null` is `nil` for an optional property and an error for any other; unknown keys are
/// ignored.
public struct JSONValueDecoder: Sendable {
    public var keys: JSONValueEncoder.KeyStyle

    public init(keys: JSONValueEncoder.KeyStyle = .snakeCase) { self.keys = keys }

    /// `T` read from `json`.
    public func decode<T: Decodable>(_ type: T.Type, from json: JSONValue) throws -> T {
        try ValueDecoder(value: json, keys: keys, codingPath: []).decode(type)
    }

    /// `T` read from JSON text; bytes that are not JSON throw the ``JSONParseError``.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws -> T {
        try decode(type, from: try JSONValue(parsing: bytes))
    }

    /// "the listing answer's `pagination.total` is out of range (expected 0…2147483647): 1e300", "the
    /// token answer has no `access_token`": a decoding error as a sentence about `what` ("listing
    /// answer", "request") that names the field as the JSON spells it (and quotes at most a number).
    public static func describe(_ error: any Error, in what: String) -> String {
        guard let error = error as? DecodingError else { return "the \(what) is not JSON (\(error))" }
        let context: DecodingError.Context
        let problem: String
        switch error {
        case .keyNotFound(let key, let found): return "the \(what) has no `\(path(found.codingPath + [key]))`"
        case .valueNotFound(_, let found): (context, problem) = (found, "is missing")
        case .typeMismatch(let type, let found): (context, problem) = (found, "is not \(ValueDecoder.noun(type))")
        case .dataCorrupted(let found): (context, problem) = (found, found.debugDescription)
        @unknown default: return "the \(what) cannot be read"
        }
        let path = path(context.codingPath)
        return path.isEmpty ? "the \(what) \(problem)" : "the \(what)'s `\(path)` \(problem)"
    }

    /// `pagination.total`, `days[3].credits`.
    static func path(_ keys: [any CodingKey]) -> String {
        var path = ""
        for key in keys { path += key.intValue.map { "[\($0)]" } ?? (path.isEmpty ? "" : ".") + key.stringValue }
        return path
    }
}

/// The `Decoder` (and single-value container) over one ``JSONValue``.
struct ValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let keys: JSONValueEncoder.KeyStyle
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let members = value.objectValue else { throw mismatch([String: JSONValue].self) }
        return KeyedDecodingContainer(Keyed<Key>(decoder: self, members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let items = value.arrayValue else { throw mismatch([JSONValue].self) }
        return Unkeyed(decoder: self, items: items)
    }

    func singleValueContainer() -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { value.isNull }

    /// `T` from this value: the primitive types here, anything else by its `init(from:)`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        switch (type, value) {
        case (is String.Type, .string(let text)): return text as! T
        case (is Bool.Type, .bool(let flag)): return flag as! T
        case (is Date.Type, .string(let text)):
            guard let date = Timestamp.parse(text) else { throw mismatch(type) }
            return date as! T
        case (is Double.Type, .number(let text)):
            guard let number = CheckedNumber.real(text), number.isFinite else { throw mismatch(type) }
            return number as! T
        case (let integer as any FixedWidthInteger.Type, .number(let text)):
            switch CheckedNumber.integer(text, in: Int64(clamping: integer.min)...Int64(clamping: integer.max)) {
            case .success(let number): return integer.init(number) as! T
            case .failure(let problem):
                throw DecodingError.dataCorrupted(
                    .init(codingPath: codingPath, debugDescription: "\(problem): \(CheckedNumber.excerpt(text))"))
            }
        case (is String.Type, _), (is Bool.Type, _), (is Date.Type, _), (is Double.Type, _),
            (is any FixedWidthInteger.Type, _):
            throw mismatch(type)
        default: return try T(from: self)
        }
    }

    func child(_ value: JSONValue, _ key: any CodingKey) -> ValueDecoder {
        ValueDecoder(value: value, keys: keys, codingPath: codingPath + [key])
    }

    /// The value is not a `type` (the error never quotes it: a string could be a secret).
    func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "another JSON type"))
    }

    /// `a string`, `a number`, … for a message.
    static func noun(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Date.Type: return "a timestamp"
        case is Bool.Type: return "true or false"
        case is any Numeric.Type, is Credits.Type: return "a number"
        case is [JSONValue].Type: return "a list"
        default: return "an object"
        }
    }

    /// Members of an object, found by their key as the JSON spells it; the last of a repeated key wins.
    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: ValueDecoder
        let members: [(key: String, value: JSONValue)]
        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

        func name(_ key: Key) -> String { JSONValueEncoder.key(key.stringValue, decoder.keys) }
        func find(_ key: Key) -> JSONValue? { members.last { $0.key == name(key) }?.value }
        func contains(_ key: Key) -> Bool { find(key) != nil }
        func decodeNil(forKey key: Key) throws -> Bool { find(key)?.isNull ?? true }

        /// The decoder of member `key`, its path naming the key as the JSON spells it.
        func child(_ key: Key) throws -> ValueDecoder {
            guard let value = find(key) else {
                throw DecodingError.keyNotFound(JSONKey(name(key)), .init(codingPath: codingPath, debugDescription: ""))
            }
            return decoder.child(value, JSONKey(name(key)))
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decode(type) }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try child(key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try child(key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { decoder }
        func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
    }

    /// Elements of an array, in order.
    struct Unkeyed: UnkeyedDecodingContainer {
        let decoder: ValueDecoder
        let items: [JSONValue]
        var codingPath: [any CodingKey] { decoder.codingPath }
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }
        var currentIndex = 0

        init(decoder: ValueDecoder, items: [JSONValue]) { (self.decoder, self.items) = (decoder, items) }

        /// The decoder of the current element, moving past it.
        mutating func next() throws -> ValueDecoder {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(JSONValue.self, .init(codingPath: codingPath, debugDescription: ""))
            }
            defer { currentIndex += 1 }
            return decoder.child(items[currentIndex], JSONKey(index: currentIndex))
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, items[currentIndex].isNull else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try next().unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { try next() }
    }
}
