import Core
import Foundation

/// The body of a successful `POST /auth/token` or `POST /auth/refresh`.
struct IssuedTokens: Sendable {
    var accessToken: Secret
    var refreshToken: Secret
    var expiresIn: Int

    /// Parses the body; `nil` when a field is missing or the type is not Bearer.
    init?(body: [UInt8]) {
        guard let json = try? JSONValue(parsing: body),
            let access = json["access_token"]?.stringValue, !access.isEmpty,
            let refresh = json["refresh_token"]?.stringValue, !refresh.isEmpty,
            let expiresIn = json["expires_in"]?.intValue, expiresIn > 0
        else { return nil }
        if let type = json["token_type"]?.stringValue, type.lowercased() != "bearer" { return nil }
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
