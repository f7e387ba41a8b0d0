import Core
import Foundation

/// Everything the shelf push needs to know; the Daemon maps the `shelf.*` configuration keys to it.
/// The push is off unless `shelf.base_url` and a store token are configured (then build one of these).
public struct ShelfConfiguration: Sendable {
    /// The Retagly API root, e.g. `https://api.retagly.example/v1` or the sandbox's
    /// `http://127.0.0.1:8780/retagly` (`shelf.base_url`); no trailing slash needed.
    public var baseURL: String
    /// The store's bearer token (`shelf.token_file`).
    public var token: Secret
    /// The store-local time of a daily push of the whole store catalog (`shelf.full_push`); `nil`: none.
    public var fullPushAt: TimeOfDay?
    /// The time zone of ``fullPushAt`` (`sync.timezone`; the system's when not configured).
    public var timeZone = TimeZone.current
    /// How often a batch session's status is polled; the contract asks for 5–10 s, tests use
    /// milliseconds.
    public var pollInterval: Duration = .seconds(5)
    /// At or above this many products (after coalescing) a delivery goes through a batch session
    /// (100); below it, `/add` and `/productUpdate`.
    public var batchThreshold = 100
    /// Products in one `/batch/push` (the API takes at most 1,000).
    public var pushChunkSize = 1000
    /// Products in one batch session at most (the rest go in the next one).
    public var maximumSessionProducts = 50_000
    /// A session still processing this long after it was completed is given up and its products
    /// go again in a new one (the seed's worst case is minutes; this guards against a stuck one).
    public var sessionDeadline: Duration = .seconds(2 * 3600)
    /// The deadline of one Retagly call, connection included.
    public var requestTimeout: Duration = .seconds(30)
    /// Backoff after a failed call: the first ceiling, doubled per consecutive failure…
    public var backoffBase: Duration = .seconds(1)
    /// …up to this ceiling (full jitter below it).
    public var backoffCap: Duration = .seconds(300)
    /// The longest `Retry-After` honoured; a longer one is cut to this (a bad header must not stall
    /// the push for hours).
    public var maximumRetryAfter: Duration = .seconds(900)
    /// After the first change of a quiet outbox arrives, wait this long for more, so changes sent
    /// together go out together.
    public var collectDelay: Duration = .milliseconds(200)
    /// The most changes one `POST /v1/shelf/products` may carry (more answer `413`).
    public var maximumChangesPerRequest = 10_000
    /// How many item errors the status document lists (the newest).
    public var statusItemErrors = 50
    /// Batch sessions kept in the database for status and audits.
    public var keptSessions = 50
    /// The HTTP proxy the push goes through (`http://host:port`, never credentials), named in the
    /// reason of a failed call; `nil` = direct.
    public var proxy: String?

    public init(baseURL: String, token: Secret) {
        self.baseURL = baseURL
        self.token = token
    }

    /// `baseURL` without trailing slashes.
    var root: String {
        var root = baseURL
        while root.hasSuffix("/") { root.removeLast() }
        return root
    }
}
