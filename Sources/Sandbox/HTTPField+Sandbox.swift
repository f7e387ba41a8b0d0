import Hummingbird

/// `HTTPField`, named through `HTTPFields` (which Hummingbird re-exports) so the sandbox needs no
/// direct dependency on swift-http-types.
typealias SandboxHTTPField = HTTPFields.Element

extension SandboxHTTPField.Name {
    /// `X-Request-ID`.
    static let xRequestID = SandboxHTTPField.Name("X-Request-ID")!
    /// `Idempotency-Key`.
    static let idempotencyKey = SandboxHTTPField.Name("Idempotency-Key")!
}
