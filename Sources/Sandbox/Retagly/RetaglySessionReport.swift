import Core
import Foundation

/// A batch session as ground truth: its times and its status at the moment of the report.
public struct RetaglySessionReport: Sendable, Hashable, Encodable {
    public var sessionId: String
    /// The store it belongs to (`store-1`, …).
    public var store: String
    public var startedAt: Date
    public var expiresAt: Date
    /// When `/batch/complete` was called.
    public var completedAt: Date?
    /// When processing ends (completed) or ended, once saving is done and the checks are planned.
    public var finishesAt: Date?
    /// The status `GET /batch/{sessionId}/status` would answer now.
    public var status: RetaglyBatchStatus

    /// The control plane's form.
    public var json: JSONValue { JSONValueEncoder.json(self, keys: .asIs) }
}
