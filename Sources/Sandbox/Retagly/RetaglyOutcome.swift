import Core

/// What the HTTP layer sends back for a ``RetaglyCall``.
struct RetaglyOutcome: Sendable {
    var status: Int
    var body: JSONValue
    /// Seconds for `Retry-After`.
    var retryAfter: Int?
    /// Hold the answer back this long (a delay fault).
    var delay: Duration?
    /// Close the connection after the head instead of sending the body.
    var closeConnection = false

    init(status: Int, body: JSONValue, retryAfter: Int? = nil) {
        self.status = status
        self.body = body
        self.retryAfter = retryAfter
    }

    init(error: RetaglyAPIError) {
        self.init(status: error.status, body: error.json, retryAfter: error.retryAfter)
    }
}
