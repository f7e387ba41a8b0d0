/// A credential (api key, access or refresh token, store token) that never prints itself.
///
/// `description`, `debugDescription`, string interpolation and `dump` all show `[redacted]`; only
/// ``revealed`` gives the text, and code that reads it must send it only where it belongs (an
/// `Authorization` header, a token request body).
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret text itself. Never log, print or put it in an error.
    public let revealed: String

    public init(_ revealed: String) { self.revealed = revealed }

    /// What every printout shows instead of the secret.
    public static let redactedText = "[redacted]"

    public var description: String { Self.redactedText }

    public var debugDescription: String { "Secret(\(Self.redactedText))" }
}

extension Secret: CustomReflectable {
    /// `dump` and `Mirror` see no children, so reflection cannot reveal the text either.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

extension Secret {
    /// Whether the secret is empty (an unset key).
    public var isEmpty: Bool { revealed.isEmpty }
}

extension Secret: Decodable {
    /// A JSON string (decoding errors never quote it).
    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }
}
