import Core

/// What an authenticated endpoint's logic produced, before the pipeline charges, adds `meta`,
/// stores it for idempotent replay and writes the common headers.
struct SandboxHandled: Sendable {
    var status = 200
    /// The JSON members of the body (without `meta`); `nil` for a bodyless answer (HEAD).
    var body: [(key: String, value: JSONValue)]?
    /// The credits to charge (the logic already checked the balance covers them).
    var debited: Credits = .zero
    /// A `Location` header (302).
    var location: String?
    /// An idempotent replay: the stored answer, sent as is and charged nothing.
    var replay: SandboxIdempotency.Stored?
    /// Store the answer under this `Idempotency-Key` and body fingerprint.
    var storeUnder: (key: String, fingerprint: SandboxIdempotency.Fingerprint)?

    init(
        status: Int = 200, body: [(key: String, value: JSONValue)]?, debited: Credits = .zero,
        location: String? = nil
    ) {
        self.status = status
        self.body = body
        self.debited = debited
        self.location = location
    }

    /// A replay of a stored answer.
    static func replaying(_ stored: SandboxIdempotency.Stored) -> SandboxHandled {
        var handled = SandboxHandled(status: stored.status, body: nil)
        handled.replay = stored
        return handled
    }
}
