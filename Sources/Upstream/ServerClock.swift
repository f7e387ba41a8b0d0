import Core
import Foundation
import Synchronization

/// This machine's estimate of the server's clock, from the `Date` header of every response.
///
/// `offset = Date header − local time at receipt`. The header is truncated to the second and was
/// written before the answer travelled, so `local + offset` lags the server by up to a second or
/// so: waits computed with it (window resets, midnight) end a little late, never early.
final class ServerClock: Sendable {
    /// This machine's clock (the daemon's one clock; a test's manual clock): the waits computed
    /// from the server's clock are slept on it.
    let wall: WallClock
    private let offsetSeconds: Mutex<TimeInterval?>

    init(wall: WallClock = .system) {
        self.wall = wall
        offsetSeconds = Mutex(nil)
    }

    /// Takes in a `Date` header received at `localNow` (default: now); returns how far the estimate
    /// moved (the first observation moves it from this machine's clock).
    @discardableResult
    func observe(serverDate: Date, localNow: Date? = nil) -> TimeInterval {
        let offset = serverDate.timeIntervalSince(localNow ?? wall.now())
        return offsetSeconds.withLock { stored in
            let moved = offset - (stored ?? 0)
            stored = offset
            return moved
        }
    }

    /// The offset (server − local) in seconds, once a response was seen.
    var offset: TimeInterval? { offsetSeconds.withLock { $0 } }

    /// The server's "now" (this machine's clock until a response was seen).
    func serverNow(localNow: Date? = nil) -> Date {
        (localNow ?? wall.now()).addingTimeInterval(offset ?? 0)
    }

    /// A server-clock instant on this machine's clock.
    func local(_ serverDate: Date) -> Date {
        serverDate.addingTimeInterval(-(offset ?? 0))
    }
}
