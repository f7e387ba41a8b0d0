import Core

/// An error answer of the Retagly API: `{"error": {"code", "message", "items"?}}` with its status.
struct RetaglyAPIError: Error, Sendable, Hashable {
    var status: Int
    var code: String
    var message: String
    /// Per-product problems (400 `bad_request` only).
    var items: [RetaglyItemError] = []
    /// Seconds for the `Retry-After` header (429, and 503 while down for a stretch).
    var retryAfter: Int?

    /// The answer body.
    var json: JSONValue {
        var error: [(key: String, value: JSONValue)] = [("code", .string(code)), ("message", .string(message))]
        if !items.isEmpty { error.append(("items", .array(items.map(\.json)))) }
        return ["error": .object(error)]
    }

    static func badRequest(_ message: String, items: [RetaglyItemError] = []) -> RetaglyAPIError {
        RetaglyAPIError(status: 400, code: "bad_request", message: message, items: items)
    }

    static func unauthorized(_ message: String) -> RetaglyAPIError {
        RetaglyAPIError(status: 401, code: "unauthorized", message: message)
    }

    static func sessionNotFound(_ id: String) -> RetaglyAPIError {
        RetaglyAPIError(
            status: 404, code: "session_not_found",
            message: "no batch session \(id) for this store; start one with POST /batch/start")
    }

    static func sessionCompleted(_ id: String) -> RetaglyAPIError {
        RetaglyAPIError(
            status: 409, code: "session_completed",
            message: "batch session \(id) is already complete; start a new session to send more products")
    }

    static func sessionExpired(_ id: String) -> RetaglyAPIError {
        RetaglyAPIError(
            status: 410, code: "session_expired",
            message: "batch session \(id) expired 30 minutes after it started without being completed; "
                + "its products were not saved: start a new session and send them again")
    }

    static func tooManyProducts(_ message: String) -> RetaglyAPIError {
        RetaglyAPIError(status: 413, code: "too_many_products", message: message)
    }

    static func rateLimited(retryAfter: Int, message: String) -> RetaglyAPIError {
        RetaglyAPIError(status: 429, code: "rate_limited", message: message, retryAfter: retryAfter)
    }
}
