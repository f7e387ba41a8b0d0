/// One product Retagly refused: `{"index", "barcode", "message"}` of a 400 or a session status.
struct RetaglyItemProblem: Sendable, Hashable {
    /// Position in the request's `products` (or, for a session, across all its pushes).
    var index: Int
    var barcode: String?
    var message: String
}
