import Core

/// The answer to a socket request: an HTTP status and a JSON body (the Daemon turns it into the
/// socket's `ControlAnswer`).
public struct ShelfAnswer: Sendable, Equatable {
    public var status: Int
    public var body: JSONValue

    public init(status: Int, body: JSONValue) {
        self.status = status
        self.body = body
    }

    /// What the socket answers `POST /v1/shelf/products` with when the shelf push is not configured:
    /// `503 shelf_disabled` (nothing is queued: changes kept for a push that may never be set up
    /// would reach the shelves stale).
    public static let disabled = ShelfAnswer.error(
        503, code: "shelf_disabled",
        message: "the shelf push is off: set shelf.base_url and shelf.token_file in the storesync configuration")

    /// The socket's error shape ``ErrorDocument``, with `items` for a body's refused changes.
    static func error(_ status: Int, code: String, message: String, items: [ErrorDocument.Item]? = nil) -> ShelfAnswer {
        ShelfAnswer(
            status: status, body: JSONValueEncoder.json(ErrorDocument(code: code, message: message, items: items)))
    }
}
