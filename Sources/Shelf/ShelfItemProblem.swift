import Core

/// What is wrong with one item of a `POST /v1/shelf/products` body.
struct ShelfItemProblem: Error, Sendable, Hashable {
    /// The item's position in `products`, from 0.
    var index: Int
    /// The barcode as sent (when it was a string).
    var barcode: String?
    /// Every problem of the item, joined with `; `.
    var message: String

    var json: JSONValue {
        ["index": .int(index), "barcode": barcode.map { .string($0) } ?? .null, "message": .string(message)]
    }
}
