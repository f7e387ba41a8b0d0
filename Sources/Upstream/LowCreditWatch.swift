import Core

/// Whether the balance is below the low-credit warning (`upstream.low_credit_warning`), and when it
/// crosses it (pure): the daemon logs each crossing once, not every call that sees a low balance.
struct LowCreditWatch: Sendable, Hashable {
    /// A change worth one log line.
    enum Crossing: Sendable, Hashable {
        /// The balance fell below the threshold (or was below it when first seen).
        case fellBelow
        /// A top-up (or a lower threshold) brought it back to the threshold or above.
        case recovered
    }

    /// The warning threshold; `nil` when off.
    private(set) var threshold: Credits?
    /// The last balance seen.
    private(set) var balance: Credits?
    /// Whether the last balance seen is below the threshold.
    private(set) var isLow = false

    /// - Parameter threshold: zero or `nil` turns the warning off.
    init(threshold: Credits?) { self.threshold = threshold.flatMap { $0 > .zero ? $0 : nil } }

    /// Takes in a balance; returns the crossing it makes, if any.
    mutating func observe(_ balance: Credits) -> Crossing? {
        self.balance = balance
        return evaluate()
    }

    /// Applies a new threshold (a reload), judged against the last balance seen.
    mutating func setThreshold(_ threshold: Credits?) -> Crossing? {
        self.threshold = threshold.flatMap { $0 > .zero ? $0 : nil }
        return evaluate()
    }

    private mutating func evaluate() -> Crossing? {
        let low = threshold.flatMap { threshold in balance.map { $0 < threshold } } ?? false
        defer { isLow = low }
        if low, !isLow { return .fellBelow }
        if !low, isLow { return .recovered }
        return nil
    }
}
