import Core
import Foundation
import Synchronization

/// The sandbox's notion of "now", shared by both emulated APIs.
///
/// In ``Mode/realTime`` it runs with the wall clock plus an offset a test can move with
/// ``advance(by:)`` (rate-limit windows, token expiry and Retagly batch phases then pass in real
/// time, and jump when advanced). In ``Mode/manual`` it stands still until advanced or set, so a test
/// controls every instant. The `Date` header and `meta.response_generated` come from this clock,
/// never from the host's, so a daemon that trusts its own clock is caught out.
public final class SandboxClock: Sendable {
    /// How the clock moves between explicit changes.
    public enum Mode: Sendable {
        /// Wall clock plus an adjustable offset.
        case realTime
        /// Frozen until ``advance(by:)`` or ``set(to:)``.
        case manual
    }

    private struct State {
        var mode: Mode
        /// realTime: offset added to the wall clock; manual: the current instant as seconds since 1970.
        var value: Double
    }

    private let state: Mutex<State>

    /// Creates a clock that starts at `start` (default: the wall clock's now).
    public init(start: Date? = nil, mode: Mode = .realTime) {
        let wall = Date().timeIntervalSince1970
        let startSeconds = start?.timeIntervalSince1970 ?? wall
        switch mode {
        case .realTime: self.state = Mutex(State(mode: mode, value: startSeconds - wall))
        case .manual: self.state = Mutex(State(mode: mode, value: startSeconds))
        }
    }

    /// The current sandbox time.
    public func now() -> Date {
        state.withLock { state in
            switch state.mode {
            case .realTime: return Date(timeIntervalSince1970: Date().timeIntervalSince1970 + state.value)
            case .manual: return Date(timeIntervalSince1970: state.value)
            }
        }
    }

    /// Moves the clock forward (or back, with a negative duration).
    public func advance(by duration: Duration) {
        state.withLock { $0.value += duration.timeInterval }
    }

    /// Jumps to `date`, keeping the mode.
    public func set(to date: Date) {
        state.withLock { state in
            switch state.mode {
            case .realTime: state.value = date.timeIntervalSince1970 - Date().timeIntervalSince1970
            case .manual: state.value = date.timeIntervalSince1970
            }
        }
    }
}
