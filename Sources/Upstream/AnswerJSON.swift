import Core
import Foundation

/// Shared pieces of decoding API answers (pure).
enum AnswerJSON {
    /// Parses `body` as a JSON object; a parse failure is `malformed` (retried), a non-object a
    /// contract break.
    static func object(_ body: [UInt8], what: String) throws(DecodeFailure) -> JSONValue {
        let json: JSONValue
        do { json = try JSONValue(parsing: body) } catch {
            throw .malformed("the \(what) answer is not JSON (\(error.reason))")
        }
        guard json.objectValue != nil else { throw .contract("the \(what) answer is not a JSON object") }
        return json
    }

    /// The answer `body` as `T`: not JSON is `malformed` (retried); another shape is a contract
    /// break naming the field ("the token answer has no `access_token`").
    static func decode<T: Decodable>(_ type: T.Type, _ body: [UInt8], what: String) throws(DecodeFailure) -> T {
        try decode(type, try object(body, what: what), what: what)
    }

    /// `json` as `T`, another shape being a contract break naming the field.
    static func decode<T: Decodable>(_ type: T.Type, _ json: JSONValue, what: String) throws(DecodeFailure) -> T {
        do { return try JSONValueDecoder().decode(type, from: json) } catch {
            throw .contract(JSONValueDecoder.describe(error, in: "\(what) answer"))
        }
    }

    /// `meta.response_generated`, else the `Date` header.
    static func serverTime(meta: JSONValue?, facts: ResponseFacts) -> Date? {
        meta?["response_generated"]?.stringValue.flatMap { Timestamp.parse($0) } ?? facts.serverDate
    }

    /// An absolute http(s) URL as is; an absolute path joined to `origin`; anything else `nil`.
    static func resolve(_ text: String, origin: String) -> String? {
        let lower = text.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return text }
        if text.hasPrefix("/"), !text.hasPrefix("//") { return origin + text }
        return nil
    }

    /// `scheme://host[:port]` of a base URL.
    static func origin(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return baseURL }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return baseURL }
        return String(baseURL[..<slash])
    }
}
