/// Polls `condition` every 10 ms until it holds; throws ``TimedOut`` after `timeout` (a bound that
/// only a hang reaches: tests wait on the condition, never on the clock).
public func eventually(
    _ what: String, timeout: Duration = .seconds(60), _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while true {
        if try await condition() { return }
        guard ContinuousClock.now < deadline else { throw TimedOut(what: what) }
        try await Task.sleep(for: .milliseconds(10))
    }
}

/// A condition that did not come true in time.
public struct TimedOut: Error, CustomStringConvertible {
    public let what: String
    public init(what: String) { self.what = what }
    public var description: String { "timed out waiting for \(what)" }
}
