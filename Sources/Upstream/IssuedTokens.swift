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
        let json = try AnswerJSON.object(body, what: "token")
        guard let access = json["access_token"]?.stringValue, !access.isEmpty else {
            throw .contract("the token answer has no `access_token`")
        }
        guard let refresh = json["refresh_token"]?.stringValue, !refresh.isEmpty else {
            throw .contract("the token answer has no `refresh_token`")
        }
        if let type = json["token_type"]?.stringValue, type.lowercased() != "bearer" {
            throw .contract("the token answer's `token_type` is not Bearer")
        }
        let expiresIn = try AnswerNumber.integer(
            json["expires_in"], "expires_in", in: Self.expiresInRange, what: "token")
        self.accessToken = Secret(access)
        self.refreshToken = Secret(refresh)
        self.expiresIn = expiresIn
    }

    /// The pair to keep, the expiry counted from `requestedAt` (when the request was sent).
    func persisted(requestedAt: Date) -> PersistedTokens {
        PersistedTokens(
            accessToken: accessToken, accessExpiresAt: requestedAt.addingTimeInterval(Double(expiresIn)),
            refreshToken: refreshToken)
    }
}
