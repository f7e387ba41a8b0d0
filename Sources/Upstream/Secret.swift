/// A secret string (api key, access or refresh token) that never prints itself.
///
/// `description`, `debugDescription`, string interpolation and `dump` all show `[redacted]`; only
/// ``revealed`` gives the text, and only the code that puts it on the wire or in the token store
/// reads it.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The secret text. Read it only to send it upstream or to persist it in the state directory.
    public let revealed: String

    public init(_ revealed: String) { self.revealed = revealed }

    public var description: String { "[redacted]" }
    public var debugDescription: String { "[redacted]" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Whether the secret is empty (an unset key).
    public var isEmpty: Bool { revealed.isEmpty }
}
