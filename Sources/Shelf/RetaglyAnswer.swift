import Core

/// Retagly's answers as the pusher reads them (`../shared/contracts/retagly-api.md`; camelCase keys,
/// read with `JSONValueDecoder(keys: .asIs)`). Errors are ``ErrorDocument``s.
enum RetaglyAnswer {
    /// `POST /batch/start`: `{"sessionId", "expiresAt"}`.
    struct SessionStarted: Decodable {
        var sessionId: String
    }

    /// `GET /batch/{sessionId}/status`.
    struct SessionStatus: Decodable {
        /// `open`, `processing`, `completed`, `failed`, `expired`.
        var status: String?
        /// `saving`, `syncing`, `verifying`.
        var phase: String?
        var message: String?
        var tagsConfirmed: Count?
        var tagsTotal: Count?
        var productsTotal: Count?
        /// The products refused, by their position across the session's pushes.
        var errors: [ErrorDocument.Item]?
    }

    /// A count Retagly reports (tags, products) within `0…Int32.max`; anything else (negative,
    /// `1e300`, text) reads as no count, never as an error.
    struct Count: Decodable {
        var value: Int?

        init(from decoder: any Decoder) throws {
            let json = try? JSONValue(from: decoder)
            value = (try? CheckedNumber.integer(json, in: CheckedNumber.count).get()).map { Int($0) }
        }
    }

    /// `json` as `T`, or `nil` when it does not have the contract's shape.
    static func read<T: Decodable>(_ type: T.Type, _ json: JSONValue) -> T? {
        try? JSONValueDecoder(keys: .asIs).decode(type, from: json)
    }
}
