import Core
import Crypto

/// HS256 JSON Web Tokens: the sandbox's access tokens (claims `sub`, `iat`, `exp`, `jti`).
struct SandboxJWT: Sendable {
    /// The claims the sandbox puts in every access token.
    struct Claims: Sendable, Hashable {
        var subject: String
        var issuedAt: Int64
        var expiresAt: Int64
        var id: String
    }

    let key: SymmetricKey

    private static let header = Base64URL.encode(#"{"alg":"HS256","typ":"JWT"}"#.utf8)

    /// A signed token carrying `claims`.
    func sign(_ claims: Claims) -> String {
        let payload: JSONValue = [
            "sub": .string(claims.subject), "iat": .number(String(claims.issuedAt)),
            "exp": .number(String(claims.expiresAt)), "jti": .string(claims.id),
        ]
        let signingInput = Self.header + "." + Base64URL.encode(payload.jsonBytes)
        let mac = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: key)
        return signingInput + "." + Base64URL.encode(mac)
    }

    /// The claims of a well-formed token with a valid signature (expiry is not checked here).
    func verify(_ token: String) -> Claims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == Self.header, let mac = Base64URL.decode(parts[2]),
            HMAC<SHA256>.isValidAuthenticationCode(
                mac, authenticating: Array("\(parts[0]).\(parts[1])".utf8), using: key),
            let payloadBytes = Base64URL.decode(parts[1]),
            let payload = try? JSONValue(parsing: payloadBytes),
            let subject = payload["sub"]?.stringValue, let id = payload["jti"]?.stringValue,
            let issuedAt = payload["iat"]?.intValue, let expiresAt = payload["exp"]?.intValue
        else { return nil }
        return Claims(subject: subject, issuedAt: Int64(issuedAt), expiresAt: Int64(expiresAt), id: id)
    }
}
