import Core

/// Stored answers of requests sent with an `Idempotency-Key`, kept 24 hours per (client,
/// endpoint, key), so a retry is answered byte for byte and charged nothing.
struct SandboxIdempotency: Sendable {
    /// One stored answer.
    struct Stored: Sendable, Hashable {
        /// The request body as parsed JSON (compared semantically), or its bytes when not JSON.
        var fingerprint: Fingerprint
        var status: Int
        var body: [UInt8]
        var storedAt: Int64
    }

    /// What identifies "the same body".
    enum Fingerprint: Sendable, Hashable {
        case json(JSONValue)
        case bytes([UInt8])

        init(body: [UInt8]) {
            if let value = try? JSONValue(parsing: body) {
                self = .json(value)
            } else {
                self = .bytes(body)
            }
        }
    }

    /// Stored answers are replayed for 24 hours.
    static let lifetime: Int64 = 86_400

    private var entries: [String: Stored] = [:]

    private static func slot(_ clientID: String, _ endpoint: SandboxEndpoint, _ key: String) -> String {
        "\(clientID)\u{0}\(endpoint.rawValue)\u{0}\(key)"
    }

    /// The stored answer for this key, if it is younger than 24 hours.
    mutating func lookup(clientID: String, endpoint: SandboxEndpoint, key: String, now: Int64) -> Stored? {
        let slot = Self.slot(clientID, endpoint, key)
        guard let stored = entries[slot] else { return nil }
        if now - stored.storedAt >= Self.lifetime {
            entries[slot] = nil
            return nil
        }
        return stored
    }

    /// Stores a successful answer.
    mutating func store(clientID: String, endpoint: SandboxEndpoint, key: String, stored: Stored) {
        entries[Self.slot(clientID, endpoint, key)] = stored
    }

    /// Checks an `Idempotency-Key` header value: 20–255 characters.
    static func validate(_ key: String) throws(SandboxAPIError) {
        guard (20...255).contains(key.count) else {
            throw .badRequest("Idempotency-Key must be 20 to 255 characters long (got \(key.count)).")
        }
    }
}
