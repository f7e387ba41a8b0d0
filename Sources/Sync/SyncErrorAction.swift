import Core
import Foundation
import Upstream

/// What the sync does about an upstream error (pure; the contract's table, as the sync reads it).
enum SyncErrorAction: Sendable, Equatable {
    /// Stop the run: pause it or fail it.
    case interrupt(SyncInterruption)
    /// The minute's request budget: wait until then and go on (nothing counts as an attempt).
    case waitUntil(Date)
    /// A failure that may pass (5xx storm, timeout, bad bytes, a lost answer): the item is retried in a
    /// later pass of the run (`retryPassDelay`).
    case retryLater
    /// A failure retrying cannot fix for this item (a 404, `scope_forbidden`, a refused request):
    /// it does not hold back the watermark.
    case giveUp

    /// The action for `error` at `now`.
    ///
    /// - credit cap, spent day budget, scan reserve only → pause until upstream's `resumeAt` (UTC
    ///   midnight of the server's clock);
    /// - `402 insufficient_credits` → pause, looking at the balance again after `balanceRecheck`;
    /// - `403 client_disabled`, refused credentials, other 403s (`ip_not_allowed`) → fail the run;
    /// - cancelled → interrupted (shutdown).
    static func of(_ error: UpstreamError, now: Date, balanceRecheck: Duration) -> SyncErrorAction {
        switch error {
        case .creditCapReached(let resumeAt):
            return .interrupt(.pause(reason: "credit_cap_reached", resumeAt: resumeAt))
        case .dayBudgetSpent(let resumeAt):
            return .interrupt(.pause(reason: "day_budget_spent", resumeAt: resumeAt))
        case .scanReserveOnly(let resumeAt):
            return .interrupt(.pause(reason: "scan_reserve_only", resumeAt: resumeAt))
        case .insufficientCredits:
            return .interrupt(
                .pause(reason: "insufficient_credits", resumeAt: now + balanceRecheck))
        case .clientDisabled:
            return .interrupt(.fail(reason: "client_disabled"))
        case .invalidCredentials:
            return .interrupt(.fail(reason: "invalid_credentials"))
        case .forbidden(let code):
            return code == "scope_forbidden" ? .giveUp : .interrupt(.fail(reason: "forbidden_\(code)"))
        case .rateLimited(let resumeAt):
            return .waitUntil(resumeAt)
        case .cancelled:
            return .interrupt(.cancelled)
        case .notFound, .badRequest:
            return .giveUp
        case .timedOut, .unavailable, .answerLost, .badResponse, .badImage:
            // A lost answer (probably charged) is left for the next pass, never re-sent at once.
            return .retryLater
        }
    }
}
