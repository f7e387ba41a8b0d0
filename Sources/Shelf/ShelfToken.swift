/// The Retagly store token: a bearer credential that never prints itself.
///
/// `description`, `debugDescription`, interpolation and `dump` show `[redacted]`; only the client
/// reads ``revealed`` to build the `Authorization` header. (Core has no shared `Secret` type on this
/// branch yet; when it lands, this can become a typealias of it.)
public struct ShelfToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The token text. Never log, print or put it in an error.
    public let revealed: String

    public init(_ revealed: String) { self.revealed = revealed }

    public var description: String { "[redacted]" }
    public var debugDescription: String { "ShelfToken([redacted])" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
