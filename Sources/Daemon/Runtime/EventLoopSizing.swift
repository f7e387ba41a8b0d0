import Foundation
import NIOCore

/// Sizes NIO's shared event-loop group to the CPUs this process may actually run on.
///
/// NIO counts the machine's cores (and cgroup CPU quotas), not the process's CPU affinity mask. A
/// daemon pinned to one core (`taskset -c 0`, systemd's `CPUAffinity=`) would then run two event
/// loops that preempt each other on that core, and every few milliseconds a lookup waits a whole
/// scheduler tick: the benchmark's p99 went from ~0.3 ms to ~4 ms that way.
public enum EventLoopSizing {
    /// How many CPUs the affinity mask allows (`Cpus_allowed` of `/proc/self/status`, a hex mask
    /// in comma-separated 32-bit words); `nil` when it cannot be read.
    public static func allowedCPUs(
        status: String? = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    )
        -> Int?
    {
        guard let status,
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") })
        else { return nil }
        var count = 0
        for word in line.dropFirst("Cpus_allowed:".count).split(separator: ",") {
            guard let bits = UInt64(word.trimmingCharacters(in: .whitespaces), radix: 16) else { return nil }
            count += bits.nonzeroBitCount
        }
        return count > 0 ? count : nil
    }

    /// Sets `NIOSingletons.groupLoopCountSuggestion` to the smaller of NIO's own count and the
    /// allowed CPUs. Call once at start, before anything uses NIO's singletons; an explicit
    /// `NIO_SINGLETON_GROUP_LOOP_COUNT` in `environment` is left to NIO.
    public static func apply(environment: [String: String]) {
        guard environment["NIO_SINGLETON_GROUP_LOOP_COUNT"] == nil, let allowed = allowedCPUs() else { return }
        let loops = min(System.coreCount, allowed)
        if loops >= 1, loops != System.coreCount { NIOSingletons.groupLoopCountSuggestion = loops }
    }
}
