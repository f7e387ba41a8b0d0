import NIOHTTP1

extension Answer {
    /// This answer, closing the connection after it.
    var closing: Answer {
        var answer = self
        answer.closeConnection = true
        return answer
    }

    /// `414`: the request target is longer than `limit` bytes.
    static func uriTooLong(limit: Int) -> Answer {
        .error(.uriTooLong, code: "uri_too_long", message: "the request target is longer than \(limit) bytes")
            .closing
    }

    /// `413`: the body is longer than `limit` bytes.
    static func bodyTooLarge(limit: Int) -> Answer {
        .error(
            .payloadTooLarge, code: "body_too_large",
            message: "the request body is larger than \(limit) bytes; send fewer changes per request"
        ).closing
    }

    /// `503`: the bodies being received on all connections together fill the server's budget.
    static let bodyBudgetSpent = Answer.error(
        .serviceUnavailable, code: "busy",
        message: "too many request bodies are being received at once; retry in a moment"
    ).closing

    /// `400` or `431` for bytes that are not HTTP/1.1.
    static func unparsable(_ error: HTTPParserError) -> Answer {
        if error == .headerOverflow {
            return .error(
                .requestHeaderFieldsTooLarge, code: "headers_too_large",
                message: "the request line or headers are too large"
            ).closing
        }
        return .error(.badRequest, code: "bad_request", message: "the request is not valid HTTP/1.1: \(error)").closing
    }
}
