/// The client's standing with Retail Digitals, as `storesync status` shows it.
public enum AuthState: String, Sendable, Hashable, Codable {
    /// Authenticated, or not yet tried and nothing known against it.
    case ok
    /// `403 client_disabled`: all traffic stopped until restart or ``RetailDigitalsClient/reenable()``.
    case disabled
    /// `401 invalid_credentials`: the client id or api key is wrong.
    case invalidCredentials = "invalid_credentials"
    /// `403 ip_not_allowed`: this machine's address is not in the client's allowlist; all traffic
    /// stopped until an operator acts (fix the allowlist, then `storesync resync`, or restart).
    case ipNotAllowed = "ip_not_allowed"
    /// The last attempt to reach the API failed (network, 5xx, timeouts).
    case unreachable
}
