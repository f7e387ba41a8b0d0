import Foundation

/// What the pacer says about sending one more request now. Dates are on the server's clock.
public enum PacingDecision: Sendable, Hashable {
    /// Send it.
    case go
    /// Wait this long, then ask again.
    case wait(Duration)
    /// The day's budget is spent: nothing goes until `until` (the next UTC midnight).
    case dayBudgetSpent(until: Date)
    /// Only scan-time lookups may use what is left of the day: others wait until `until`.
    case scanReserveOnly(until: Date)
}
