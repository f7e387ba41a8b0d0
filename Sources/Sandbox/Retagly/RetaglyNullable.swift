/// A field a partial update either sets to a value or clears with JSON `null`.
///
/// In a ``RetaglyProductChange`` an absent field is `nil` (the stored value is kept), so
/// `RetaglyNullable<Int>?` tells apart "not sent", "sent as null" and "sent with a value".
public enum RetaglyNullable<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The field was sent with this value.
    case value(Value)
    /// The field was sent as `null`: the stored value is cleared.
    case null

    /// The value, or `nil` for ``null``.
    public var wrapped: Value? {
        switch self {
        case .value(let value): return value
        case .null: return nil
        }
    }
}
