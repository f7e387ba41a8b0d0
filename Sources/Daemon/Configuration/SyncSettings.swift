import Core
import Foundation

/// `sync.*`: the nightly sync's schedule and shape.
public struct SyncSettings: Sendable, Hashable {
    /// Whether the nightly sync runs at all. Reloadable.
    public var enabled = true
    /// Store-local time of the nightly sync. Reloadable.
    public var at = TimeOfDay(hour: 3, minute: 0)!
    /// The IANA zone of ``at``; `nil` means the system's zone. Reloadable.
    public var timeZoneIdentifier: String?
    /// A random delay from zero to this is added to ``at``. Reloadable.
    public var jitter: Duration = .seconds(20 * 60)
    /// Whether catalog barcodes are bulk-checked before they are fetched.
    public var bulkCheck = true
    /// A weekly full listing instead of the delta. Reloadable.
    public var fullRefresh = FullRefresh.off
    /// The delta lists again what changed this long before the last watermark.
    public var overlap: Duration = .seconds(600)
    /// The wait before a sync tries its failed products again.
    public var retryPassDelay: Duration = .seconds(30)
    /// Besides the catalog's products, the nightly run keeps current those scanned this recently.
    public var keepScanned: Duration = .seconds(30 * 86_400)
    /// Products fetched at once during a sync.
    public var concurrency = 2

    public init() {}

    /// The zone ``at`` is read in (the system's when none is configured).
    public var timeZone: TimeZone {
        timeZoneIdentifier.flatMap { TimeZone(identifier: $0) } ?? TimeZone.current
    }
}
