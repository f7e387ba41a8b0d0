/// A field a change either sets to a value or clears (JSON `null`); in ``ShelfFields`` an absent
/// field is `nil` ("keep the stored value").
enum ShelfNullable<Value: Sendable & Hashable>: Sendable, Hashable {
    case value(Value)
    case null

    /// The value, or `nil` when cleared.
    var wrapped: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}
