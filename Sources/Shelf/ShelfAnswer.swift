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

    /// The socket's error shape `{"error": {"code", "message", …extra}}`.
    static func error(_ status: Int, code: String, message: String, extra: [(String, JSONValue)] = []) -> ShelfAnswer {
        var error: [(key: String, value: JSONValue)] = [("code", .string(code)), ("message", .string(message))]
        error.append(contentsOf: extra.map { (key: $0.0, value: $0.1) })
        return ShelfAnswer(status: status, body: .object([("error", .object(error))]))
    }
}
