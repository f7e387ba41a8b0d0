/// The client's standing with Retail Digitals, as `storesync status` shows it.
public enum AuthState: String, Sendable, Hashable {
    /// Authenticated, or not yet tried and nothing known against it.
    case ok
    /// `403 client_disabled`: all traffic stopped until restart or ``RetailDigitalsClient/reenable()``.
    case disabled
    /// `401 invalid_credentials`: the client id or api key is wrong.
    case invalidCredentials = "invalid_credentials"
    /// The last attempt to reach the API failed (network, 5xx, timeouts).
    case unreachable
}
