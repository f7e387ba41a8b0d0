import Core
import Crypto

/// Signed image URLs: bound to the peer IP that asked for them, single-use, valid 15 minutes.
///
/// A token is `base64url(payload).base64url(HMAC-SHA256(payload))`; the payload names the image and
/// carries a nonce under which the sandbox remembers whether the URL was consumed.
struct SandboxSignedURLs: Sendable {
    /// What a signed URL grants: one image version as one client receives it.
    struct Grant: Sendable, Hashable {
        var nonce: String
        var barcode: String
        var variant: ImageVariant
        var version: Int
        var clientID: String
        var peerIP: String
        var expiresAt: Int64
        var consumed = false
    }

    /// Signed URLs live 15 minutes.
    static let lifetime: Int64 = 15 * 60

    let key: SymmetricKey
    private var grants: [String: Grant] = [:]
    private var issued = 0

    init(key: SymmetricKey) { self.key = key }

    /// Issues a token for one image, bound to `peerIP`.
    mutating func issue(
        barcode: String, variant: ImageVariant, version: Int, clientID: String, peerIP: String, now: Int64,
        nonce: String
    ) -> String {
        issued += 1
        if issued % 1024 == 0 { grants = grants.filter { $0.value.expiresAt + Self.lifetime > now } }
        let grant = Grant(
            nonce: nonce, barcode: barcode, variant: variant, version: version, clientID: clientID, peerIP: peerIP,
            expiresAt: now + Self.lifetime)
        grants[nonce] = grant
        let payload: JSONValue = [
            "b": .string(barcode), "v": .string(variant.rawValue), "c": .string(clientID),
            "exp": .number(String(grant.expiresAt)), "n": .string(nonce),
        ]
        let encoded = Base64URL.encode(payload.jsonBytes)
        let mac = HMAC<SHA256>.authenticationCode(for: Array(encoded.utf8), using: key)
        return encoded + "." + Base64URL.encode(mac)
    }

    /// The grant a token stands for, if the token is one the sandbox signed.
    func grant(for token: String) -> Grant? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let mac = Base64URL.decode(parts[1]),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Array(parts[0].utf8), using: key),
            let payload = Base64URL.decode(parts[0]).flatMap({ try? JSONValue(parsing: $0) }),
            let nonce = payload["n"]?.stringValue
        else { return nil }
        if let grant = grants[nonce] { return grant }
        // Forgotten after expiry: rebuild enough of it to answer `signed_url_expired`.
        guard let barcode = payload["b"]?.stringValue,
            let variant = payload["v"]?.stringValue.flatMap(ImageVariant.init),
            let client = payload["c"]?.stringValue, let expiresAt = payload["exp"]?.intValue
        else { return nil }
        return Grant(
            nonce: nonce, barcode: barcode, variant: variant, version: 0, clientID: client, peerIP: "",
            expiresAt: Int64(expiresAt), consumed: false)
    }

    /// Checks a token presented by `peerIP` and, with `consume`, uses it up.
    mutating func redeem(_ token: String, peerIP: String, now: Int64, consume: Bool) throws(SandboxAPIError) -> Grant {
        guard let grant = grant(for: token) else { throw .notFound("This image URL is not one the API issued.") }
        let expired = SandboxAPIError(
            410, "signed_url_expired", "This signed URL is older than 15 minutes; get a new one.")
        guard grants[grant.nonce] != nil else { throw expired }
        guard grant.peerIP == peerIP else {
            throw SandboxAPIError(
                403, "signed_url_ip_mismatch",
                "This signed URL was issued to another IP; fetch a new one from the IP that downloads it.")
        }
        guard !grant.consumed else {
            throw SandboxAPIError(410, "signed_url_consumed", "This signed URL was already used once; get a new one.")
        }
        guard now < grant.expiresAt else { throw expired }
        if consume { grants[grant.nonce]?.consumed = true }
        return grant
    }

    /// Marks a URL used (an injected cut or non-image body still consumes it: the CDN delivered something).
    mutating func consume(nonce: String) { grants[nonce]?.consumed = true }
}
