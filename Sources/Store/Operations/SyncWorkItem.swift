import Core

/// One barcode of a sync run's queue with what the sync learnt about it when it was queued.
public struct SyncWorkItem: Sendable, Hashable {
    public var barcode: Barcode
    /// Higher goes first (the sync derives it from scan counts).
    public var priority: Int
    /// The variants upstream has, when the listing or a bulk-check said so; `nil` when unknown.
    public var variants: [ImageVariant]?
    /// Upstream's `updated_at` as the listing or bulk-check reported it, when known.
    public var listedUpdatedAt: String?
    /// Fetch attempts so far (read back from the queue; ignored when queuing).
    public var attempts: Int

    public init(
        barcode: Barcode, priority: Int, variants: [ImageVariant]? = nil, listedUpdatedAt: String? = nil,
        attempts: Int = 0
    ) {
        self.barcode = barcode
        self.priority = priority
        self.variants = variants
        self.listedUpdatedAt = listedUpdatedAt
        self.attempts = attempts
    }
}
