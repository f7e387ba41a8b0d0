/// The processing phase of a batch session (`phase` in its status).
public enum RetaglyPhase: String, Sendable, Hashable, Encodable {
    /// 0–30 %: each product validated and saved.
    case saving
    /// 30–80 %: displays updated in chunks of 1,000 products.
    case syncing
    /// 80–100 %: displays checked every 30 s until each confirms its refresh.
    case verifying
}
