import Core
import NIOCore
import NIOHTTP1

/// A complete HTTP answer of the socket: status, content type, body and extra headers.
struct Answer {
    var status: HTTPResponseStatus
    var contentType: String
    var body: ByteBuffer
    var extraHeaders: [(String, String)] = []
    /// Close the connection after this answer (protocol trouble, limits).
    var closeConnection = false

    /// A JSON answer from text.
    static func json(_ status: HTTPResponseStatus, _ text: String) -> Answer {
        Answer(status: status, contentType: "application/json; charset=utf-8", body: ByteBuffer(string: text))
    }

    /// A JSON answer from a value.
    static func json(_ status: HTTPResponseStatus, _ value: JSONValue) -> Answer {
        json(status, value.jsonText)
    }

    /// The socket's error shape: `{"error": {"code", "message", …extra}}`.
    static func error(
        _ status: HTTPResponseStatus, code: String, message: String, extra: [(String, JSONValue)] = []
    ) -> Answer {
        var error: [(key: String, value: JSONValue)] = [("code", .string(code)), ("message", .string(message))]
        error.append(contentsOf: extra.map { (key: $0.0, value: $0.1) })
        return json(status, .object([("error", .object(error))]))
    }
}
