import Core

/// The answer of `GET /batch/{sessionId}/status`.
public struct RetaglyBatchStatus: Sendable, Hashable, Encodable {
    public var sessionId: String
    public var status: RetaglySessionState
    /// The active phase while processing; `nil` when open, completed, failed or expired.
    public var phase: RetaglyPhase?
    /// 0–100; 0 while open or expired, 100 once completed, frozen where a failed session stopped.
    public var progress: Int
    /// Products received (every push counted, duplicates included).
    public var productsTotal: Int
    /// Products saved so far (item errors excluded).
    public var productsSaved: Int
    /// Displays bound to the distinct barcodes saved so far.
    public var tagsTotal: Int
    /// Displays that confirmed their refresh.
    public var tagsConfirmed: Int
    /// Products that could not be saved, `index` counting every push of the session from 0.
    public var errors: [RetaglyItemError]
    /// Why a failed session failed (sent only then: `.none` leaves the key out).
    public var message: String??

    /// The wire form.
    public var json: JSONValue { JSONValueEncoder.json(self, keys: .asIs) }
}
