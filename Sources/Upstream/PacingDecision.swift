import Foundation

/// What the pacer says about sending one more request now. Dates are on the server's clock.
public enum PacingDecision: Sendable, Hashable {
    /// Send it.
    case go
    /// Wait this long, then ask again (the budget is spent or blocked).
    case wait(Duration)
    /// Budget is there, but spreading asks to wait this long first; a call that cannot wait that
    /// long within its deadline may go at once (it stays within the budget).
    case spread(Duration)
    /// The day's budget is spent: nothing goes until `until` (the next UTC midnight).
    case dayBudgetSpent(until: Date)
    /// Only scan-time lookups may use what is left of the day: others wait until `until`.
    case scanReserveOnly(until: Date)
}
