import Core

/// The contract's error body `{"error": {"code", "message", "request_id"}}`. Only the code and the
/// request id are kept: the message is free text from the server and is not repeated in logs.
struct ErrorBody: Sendable, Hashable {
    var code: String?
    var requestID: String?

    init(bytes: [UInt8]) {
        let json = try? JSONValue(parsing: bytes)
        code = json?["error"]?["code"]?.stringValue
        requestID = json?["error"]?["request_id"]?.stringValue
    }

    init(code: String?, requestID: String? = nil) {
        self.code = code
        self.requestID = requestID
    }
}
