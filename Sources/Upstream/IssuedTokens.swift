import Core
import Foundation

/// The body of a successful `POST /auth/token` or `POST /auth/refresh`.
struct IssuedTokens: Sendable {
    /// The `expires_in` accepted: a second to a year. Outside it the answer is refused, so no
    /// expiry date is computed from a hostile number (`1e300`, `-5`, 20 digits).
    static let expiresInRange: ClosedRange<Int64> = 1...31_536_000

    var accessToken: Secret
    var refreshToken: Secret
    var expiresIn: Int

    /// Parses the body.
    /// - Throws: a ``DecodeFailure`` naming the field that is missing or out of range (never a token).
    init(body: [UInt8]) throws(DecodeFailure) {
        let answer = try AnswerJSON.decode(Answer.self, body, what: "token")
        guard !answer.accessToken.revealed.isEmpty else { throw .contract("the token answer has no `access_token`") }
        guard !answer.refreshToken.revealed.isEmpty else { throw .contract("the token answer has no `refresh_token`") }
        if let type = answer.tokenType, type.lowercased() != "bearer" {
            throw .contract("the token answer's `token_type` is not Bearer")
        }
        accessToken = answer.accessToken
        refreshToken = answer.refreshToken
        expiresIn = try AnswerNumber.integer(answer.expiresIn, "expires_in", in: Self.expiresInRange, what: "token")
    }

    /// The body as sent.
    private struct Answer: Decodable {
        var accessToken: Secret
        var refreshToken: Secret
        var tokenType: String?
        /// Checked against ``expiresInRange`` with the number's own text.
        var expiresIn: JSONValue?
    }

    /// The pair to keep, the expiry counted from `requestedAt` (when the request was sent).
    func persisted(requestedAt: Date) -> PersistedTokens {
        PersistedTokens(
            accessToken: accessToken, accessExpiresAt: requestedAt.addingTimeInterval(Double(expiresIn)),
            refreshToken: refreshToken)
    }
}
