import Core
import Synchronization

/// Defense in depth for logs: every secret value the daemon learns (api key, access and refresh
/// tokens, the Retagly token) is registered here, and the log handler passes every message and
/// metadata value through ``redact(_:)`` before writing it. Known shapes are redacted even when
/// never registered: signed image URLs (`/image/<token>`), JWTs (`eyJ….….…`), refresh tokens
/// (`rt_…`), api keys (`sk_live_…`, `sk_test_…`) and `Bearer <token>`.
///
/// Shared by reference between the handlers and whoever learns secrets; safe from any thread.
public final class SecretRedactor: Sendable {
    /// Registered values, longest first (so a secret containing another is replaced whole).
    private let secrets = Mutex<[String]>([])
    /// Rotating values (tokens) in the order learnt, oldest first: only the most recent
    /// ``rotatingKept`` stay registered, so the list does not grow with every rotation.
    private let rotating = Mutex<[String]>([])

    /// How many rotating values stay registered (the current access and refresh tokens and a few
    /// predecessors still in flight); older ones are left to the shape patterns.
    public static let rotatingKept = 6

    /// Values shorter than this are not registered: replacing them would garble ordinary text.
    public static let minimumLength = 6

    public init(secrets: [Secret] = []) {
        for secret in secrets { register(secret) }
    }

    /// Redacts `secret` from now on.
    public func register(_ secret: Secret) { register(secret.revealed) }

    /// Redacts `value` (a token as received) from now on.
    public func register(_ value: String) {
        guard value.utf8.count >= Self.minimumLength else { return }
        secrets.withLock { list in
            guard !list.contains(value) else { return }
            list.append(value)
            list.sort { $0.utf8.count > $1.utf8.count }
        }
    }

    /// Redacts `value`, a token that is replaced from time to time, from now on; the oldest
    /// rotating value beyond ``rotatingKept`` is forgotten (its shape pattern still applies).
    public func registerRotating(_ value: String) {
        guard value.utf8.count >= Self.minimumLength else { return }
        let dropped = rotating.withLock { list -> [String] in
            guard !list.contains(value) else { return [] }
            list.append(value)
            let excess = max(0, list.count - Self.rotatingKept)
            defer { list.removeFirst(excess) }
            return Array(list.prefix(excess))
        }
        register(value)
        for old in dropped { unregister(old) }
    }

    /// Forgets a value (a token that was rotated out); the patterns still apply.
    public func unregister(_ value: String) {
        secrets.withLock { $0.removeAll { $0 == value } }
    }

    /// How many values are registered.
    public var registeredCount: Int { secrets.withLock { $0.count } }

    /// `text` with every registered secret and every known secret shape replaced by `[redacted]`.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets.withLock({ $0 }) where result.contains(secret) {
            result = result.replacing(secret, with: Secret.redactedText)
        }
        return SecretPatterns.redact(result)
    }
}
