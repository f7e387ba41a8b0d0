import Synchronization

/// What the health check of a test watchdog answers, and how often it was asked.
final class HealthFlag: Sendable {
    let healthy = Atomic<Bool>(false)
    let checks = Atomic<Int>(0)
}
