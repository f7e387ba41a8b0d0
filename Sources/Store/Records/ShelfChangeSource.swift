/// Who queued a shelf change: the POS through the socket, or the daily full catalog push.
public enum ShelfChangeSource: String, Sendable, Hashable {
    /// `POST /v1/shelf/products` on the socket.
    case pos
    /// The daily full push of the store catalog (`shelf.full_push`).
    case catalog
}
