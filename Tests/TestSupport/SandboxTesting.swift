import Core
import Foundation
import Logging
import Sandbox

/// Helpers to embed a ``Sandbox`` in a test: a small catalog, a manual clock at a fixed instant,
/// an ephemeral loopback port, and a client for it.
public enum SandboxTesting {
    /// 2026-07-02T16:30:00Z, the instant of the seeds' examples.
    public static let start = Date(timeIntervalSince1970: 1_783_009_800)

    /// A logger that drops everything (tests assert; they do not read logs).
    public static let logger = Logger(label: "sandbox-test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A configuration with `products` products on a manual clock starting at ``start``.
    public static func configuration(
        products: Int = 60, seed: UInt64 = 1, clock: SandboxClock? = nil
    ) -> SandboxConfiguration {
        var configuration = SandboxConfiguration()
        configuration.products = products
        configuration.seed = seed
        configuration.clock = clock ?? SandboxClock(start: start, mode: .manual)
        return configuration
    }

    /// Runs `body` against a running sandbox and a client pointed at it.
    public static func withSandbox<T>(
        _ configuration: SandboxConfiguration = configuration(),
        _ body: (Sandbox, SandboxTestClient) async throws -> T
    ) async throws -> T {
        try await Sandbox.withRunning(configuration, logger: logger) { sandbox in
            try await body(sandbox, SandboxTestClient(baseURL: sandbox.retailDigitalsBaseURL))
        }
    }
}
