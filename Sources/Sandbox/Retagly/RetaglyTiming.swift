/// How long a completed batch session takes in each phase, in sandbox time.
///
/// Saving lasts `max(minimumSaving, products × savingPerProduct)` and saves products one by one
/// evenly over it; display sync lasts `syncPerChunk` per started chunk of 1,000 products;
/// verification checks displays every `checkInterval`, each confirmable display confirming at one
/// of the first `checksToConfirm` checks, and gives up after `maximumChecks`.
/// The default completes a 2,500-product session in 95 s (20 + 45 + 30).
public struct RetaglyTiming: Sendable, Hashable {
    public var savingPerProduct: Duration = .milliseconds(8)
    public var minimumSaving: Duration = .seconds(2)
    public var syncPerChunk: Duration = .seconds(15)
    public var checkInterval: Duration = .seconds(30)
    /// Within how many checks every (confirmable) display confirms; 1 by default.
    public var checksToConfirm = 1
    /// The verification window in checks: 12 × 30 s = the seed's 6 minutes.
    public var maximumChecks = 12
    /// Displays are synced in chunks of this many products.
    public var chunkSize = 1000

    /// The default timing.
    public static let `default` = RetaglyTiming()

    public init() {}
}
