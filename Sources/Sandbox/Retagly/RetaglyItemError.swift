import Core

/// A problem with one product of a request or session: `{"index", "barcode", "message"}`.
public struct RetaglyItemError: Error, Sendable, Hashable, Encodable {
    /// The product's position: in the request's `products` for `/add`, `/productUpdate` and
    /// `/batch/push`; in the whole session (every push in order, from 0) in a batch status.
    public var index: Int
    /// The barcode as the client sent it, or `nil` when it sent none (or not as a string).
    public var barcode: String?
    /// What is wrong and what to do, every problem of the item joined with `; `.
    public var message: String

    public init(index: Int, barcode: String?, message: String) {
        self.index = index
        self.barcode = barcode
        self.message = message
    }

    /// The wire form.
    public var json: JSONValue { JSONValueEncoder.json(self, keys: .asIs) }
}
