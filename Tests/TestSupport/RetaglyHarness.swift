import Core
import Foundation
import Hummingbird
import Logging
import NIOCore
import Sandbox

/// The Retagly half of the sandbox served over real loopback HTTP for one test: a small Hummingbird
/// application on 127.0.0.1 with an ephemeral port (what `Sandbox.withRunning` will do for both
/// APIs), stopped when the body returns.
public struct RetaglyHarness: Sendable {
    /// The store token the harness knows (its store is `store-1`).
    public static let token = "rt_shelf_harness_store"
    /// The instant the manual clocks of these tests start at.
    public static let start = Date(timeIntervalSince1970: 1_780_000_000)

    public let sandbox: RetaglySandbox
    public let clock: SandboxClock
    /// `http://127.0.0.1:PORT`
    public let origin: String

    /// The Retagly API root: `http://127.0.0.1:PORT/retagly`.
    public var baseURL: String { origin + "/retagly" }

    /// Starts a server, runs `body` against it, stops it.
    public static func run<T: Sendable>(
        clock: SandboxClock = SandboxClock(start: RetaglyHarness.start, mode: .realTime), seed: UInt64 = 1,
        timing: RetaglyTiming = .default, faults: RetaglyFaults = .none, rateLimitPerMinute: Int? = 600,
        _ body: (RetaglyHarness) async throws -> T
    ) async throws -> T {
        let sandbox = RetaglySandbox(
            tokens: [token], clock: clock, seed: seed, timing: timing, faults: faults,
            rateLimitPerMinute: rateLimitPerMinute)
        let router = Router(context: SandboxRequestContext.self)
        sandbox.addRoutes(to: router.group("retagly"))
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            },
            logger: Logger(label: "retagly-harness", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw HarnessFailure("the server did not start") }
            return try await body(RetaglyHarness(sandbox: sandbox, clock: clock, origin: "http://127.0.0.1:\(port)"))
        }
    }

    /// The products of the harness store now (batch saving due by the sandbox clock applied).
    public var products: [String: RetaglyProduct] { sandbox.products(token: Self.token) }

    /// Repeated deliveries the sandbox could not excuse.
    public var unexcusedRepeats: [RetaglyRepeatedDelivery] {
        sandbox.repeatedDeliveries(token: Self.token).filter { $0.excuse == nil }
    }
}

/// A harness that could not be set up.
public struct HarnessFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
