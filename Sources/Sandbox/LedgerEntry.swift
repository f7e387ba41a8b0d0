import Core
import Foundation

/// One request the emulated Retail Digitals API received, as the sandbox's ground truth records it.
public struct LedgerEntry: Sendable, Hashable, Encodable {
    /// The sandbox clock when the request was answered.
    public var time: Date
    /// The `X-Request-ID` of the answer.
    public var requestID: String
    /// The client the request belongs to (by token, credentials or signed URL), if known.
    public var clientID: String?
    /// The peer IP of the connection.
    public var peerIP: String
    public var method: String
    /// The endpoint template, e.g. `GET /products/{barcode}`.
    public var endpoint: String
    /// The request path and query, with signed-URL tokens replaced by `[redacted]`.
    public var path: String
    /// The barcode the request was about, if any.
    public var barcode: String?
    public var status: Int
    /// The error code of an error answer.
    public var errorCode: String?
    public var creditsDebited: Credits
    public var idempotencyKey: String?
    /// Whether the answer was an idempotent replay.
    public var replayed: Bool
    /// Whether a fault was injected (the answer replaced, or a delay).
    public var injected: Bool
    /// The injected fault's name (``Fault/name``).
    public var fault: String?
    /// Whether the request counted against the client's minute and day budgets.
    public var countedForRateLimit: Bool
    /// Whether the processed (and charged) answer was lost on its way back (``Fault/lostAnswer(_:)``).
    public var answerLost = false

    /// The entry as the control plane shows it: its properties, snake_case, in order.
    public var json: JSONValue { JSONValueEncoder.json(self) }
}
