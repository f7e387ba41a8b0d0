import Core

/// How much of a run's queue today's budgets allow (pure): items in priority order, each costing its
/// formula estimate and one request, until the credits left under the daily cap or the requests
/// left of the day run out. The client enforces both per call; this is the plan the operator sees
/// in the log when a run will not finish today.
struct SyncBudgetPlan: Sendable, Hashable {
    /// Items that fit today.
    var fitting: Int
    /// Items in the queue.
    var total: Int
    /// What the fitting items cost by the formula.
    var credits: Credits

    /// Whether the whole queue fits.
    var fitsToday: Bool { fitting == total }

    /// The plan for `costs` (in priority order) with `creditsLeft` (`nil`: no cap) and
    /// `requestsLeft` (`nil`: unknown) today.
    static func make(costs: [Credits], creditsLeft: Credits?, requestsLeft: Int?) -> SyncBudgetPlan {
        var spent = Credits.zero
        var fitting = 0
        for cost in costs {
            if let requestsLeft, fitting >= requestsLeft { break }
            if let creditsLeft, spent + cost > creditsLeft { break }
            spent = spent + cost
            fitting += 1
        }
        return SyncBudgetPlan(fitting: fitting, total: costs.count, credits: spent)
    }
}
