import Core
import Foundation
import Hummingbird
import Logging
import Synchronization

/// The emulated Retagly shelf-display API (`../shared/contracts/retagly-api.md`), mounted by the
/// sandbox server under `/retagly`.
///
/// Each bearer token is one store with its own products and batch sessions. Batch processing runs
/// on ``clock``: a status request (or a ground-truth read) computes what saving, display sync and
/// verification have done by then, so a test advances the clock instead of waiting. Faults
/// (``RetaglyFaults``) are deterministic under `seed`. Ground truth for tests:
/// ``products(token:)``, ``sessions(token:)``, ``writes(token:)`` and ``ledger()``.
public final class RetaglySandbox: Sendable {
    /// The largest request body read (1,000 products fit easily); larger answers 413.
    public static let maximumBodyBytes = 4 * 1024 * 1024

    /// The clock batch-session phases and expiry run on.
    public let clock: SandboxClock
    let state: Mutex<RetaglyState>
    let logger: Logger

    /// Creates the emulator for the given per-store bearer tokens.
    ///
    /// - Parameters:
    ///   - tokens: one token per store (`store-1`, `store-2`, … in this order).
    ///   - seed: makes faults and session ids deterministic.
    ///   - timing: how long batch phases take (sandbox time).
    ///   - faults: faults injected from the start (none by default).
    ///   - rateLimitPerMinute: calls a token may make per sandbox-clock minute before 429
    ///     (`nil`: unlimited); 600 by default.
    ///   - logger: where request summaries go (never tokens); silent by default.
    public init(
        tokens: [String], clock: SandboxClock, seed: UInt64 = 1, timing: RetaglyTiming = .default,
        faults: RetaglyFaults = .none, rateLimitPerMinute: Int? = 600,
        logger: Logger = Logger(label: "storesync.sandbox.retagly", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.clock = clock
        self.logger = logger
        self.state = Mutex(
            RetaglyState(
                tokens: tokens, seed: seed, timing: timing, faults: faults, rateLimitPerMinute: rateLimitPerMinute))
    }

    /// Registers every Retagly route on `group` (already prefixed with `/retagly`).
    public func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("add") { request, _ in try await self.respond(.add, to: request) }
        group.post("productUpdate") { request, _ in try await self.respond(.productUpdate, to: request) }
        group.post("batch/start") { request, _ in try await self.respond(.batchStart, to: request) }
        group.post("batch/push") { request, _ in try await self.respond(.batchPush, to: request) }
        group.post("batch/complete") { request, _ in try await self.respond(.batchComplete, to: request) }
        group.get("batch/:sessionId/status") { request, context in
            try await self.respond(.batchStatus, to: request, sessionId: context.parameters.get("sessionId"))
        }
    }

    /// Registers the Retagly part of the control plane on `group` (already prefixed with
    /// `/_sandbox/retagly`): store contents, sessions, ledger, faults.
    public func addControlRoutes(to group: RouterGroup<SandboxRequestContext>) {
        RetaglyControlRoutes(sandbox: self).add(to: group)
    }
}
