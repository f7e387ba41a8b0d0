/// Why a `POST /v1/sync` body was refused (the socket answers `400` with ``code`` and the
/// description).
public struct SyncRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `invalid_request` or `invalid_barcode`.
    public var code: String
    public var description: String

    public init(code: String = "invalid_request", _ description: String) {
        self.code = code
        self.description = description
    }
}
