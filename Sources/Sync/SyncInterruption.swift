import Foundation

/// Why a run stopped before its end.
enum SyncInterruption: Error, Sendable, Equatable {
    /// A budget or cap: the run pauses and resumes by itself at `resumeAt` (local clock).
    case pause(reason: String, resumeAt: Date)
    /// The run cannot go on (client disabled, credentials refused, a catalog that cannot be read).
    case fail(reason: String)
    /// Shutdown: the run stays `running` and resumes at the next start.
    case cancelled
}
