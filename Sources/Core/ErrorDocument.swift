/// The error shape of the socket, of Retail Digitals and of Retagly:
/// `{"error": {"code", "message", "request_id"?, "items"?: [{"index", "barcode", "message"}]}}`.
public struct ErrorDocument: Codable, Sendable, Hashable {
    public var error: Detail

    /// The `error` object.
    public struct Detail: Codable, Sendable, Hashable {
        public var code: String?
        public var message: String?
        /// Retail Digitals' id of the request (absent elsewhere).
        public var requestID: String??
        /// The items of a request that were refused (a shelf body's, a Retagly push's).
        public var items: [Item]??
    }

    /// One refused item: its position in the request, its barcode as sent (when it was a string) and
    /// why (every problem of the item, joined with `; `).
    public struct Item: Error, Codable, Sendable, Hashable {
        public var index: Int
        public var barcode: String?
        public var message: String

        public init(index: Int, barcode: String?, message: String) {
            self.index = index
            self.barcode = barcode
            self.message = message
        }
    }

    public init(code: String, message: String, items: [Item]? = nil) {
        error = Detail(code: code, message: message, requestID: nil, items: items.map { .some($0) })
    }

    /// The error of a body, if it is one (`nil` for anything else, unreadable bytes included).
    public init?(_ body: some Collection<UInt8>) {
        guard let document = try? JSONValueDecoder().decode(ErrorDocument.self, from: body) else { return nil }
        self = document
    }
}
