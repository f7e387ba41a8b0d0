import Core

/// An answer of the emulated API before it is written: status, headers and body, plus what the
/// HTTP layer must still do (render image bytes outside the lock, cut the body, drop the connection).
struct SandboxAPIResponse: Sendable {
    /// How the answer goes on the wire.
    enum Delivery: Sendable, Hashable {
        case normal
        /// Announce the full `Content-Length`, send about half of the body, then close.
        case truncated
        /// Close the connection without answering.
        case close
    }

    /// An image whose bytes the HTTP layer renders (per client, cached) and sends as the body.
    struct ImageBody: Sendable, Hashable {
        var barcode: String
        var variant: ImageVariant
        var version: Int
        var clientID: String
    }

    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]
    var image: ImageBody?
    var delivery: Delivery = .normal

    init(status: Int, headers: [(name: String, value: String)], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
