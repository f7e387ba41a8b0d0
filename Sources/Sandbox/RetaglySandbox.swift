import Foundation
import Hummingbird

/// The emulated Retagly shelf-display API (`../shared/contracts/retagly-api.md`), mounted by the
/// sandbox server under `/retagly`.
public final class RetaglySandbox: Sendable {
    /// The clock batch-session phases and expiry run on.
    public let clock: SandboxClock

    /// Creates the emulator for the given per-store bearer tokens.
    public init(tokens: [String], clock: SandboxClock) {
        self.clock = clock
    }

    /// Registers every Retagly route on `group` (already prefixed with `/retagly`).
    public func addRoutes(to group: RouterGroup<SandboxRequestContext>) {}

    /// Registers the Retagly part of the control plane on `group` (already prefixed with
    /// `/_sandbox/retagly`): store contents, sessions, faults.
    public func addControlRoutes(to group: RouterGroup<SandboxRequestContext>) {}
}
