import Core
import Foundation
import Hummingbird
import Logging
import NIOCore
import Sandbox
import TestSupport

/// A Retagly sandbox served over real loopback HTTP for one test: its own Hummingbird application
/// on 127.0.0.1 with an ephemeral port, stopped when the test body returns.
struct RetaglyTestServer: Sendable {
    /// The store tokens every test server knows (`store-1`, `store-2`).
    static let tokenA = "rt_test_store_a"
    static let tokenB = "rt_test_store_b"

    let sandbox: RetaglySandbox
    let clock: SandboxClock
    /// `http://127.0.0.1:PORT`
    let origin: String

    /// Starts a server, runs `body` against it, stops it.
    static func run<T: Sendable>(
        clock: SandboxClock = SandboxClock(start: Date(timeIntervalSince1970: 1_780_000_000), mode: .manual),
        seed: UInt64 = 1, timing: RetaglyTiming = .default, faults: RetaglyFaults = .none,
        rateLimitPerMinute: Int? = 600,
        _ body: @Sendable (RetaglyTestServer) async throws -> T
    ) async throws -> T {
        let sandbox = RetaglySandbox(
            tokens: [tokenA, tokenB], clock: clock, seed: seed, timing: timing, faults: faults,
            rateLimitPerMinute: rateLimitPerMinute)
        let router = Router(context: SandboxRequestContext.self)
        sandbox.addRoutes(to: router.group("retagly"))
        sandbox.addControlRoutes(to: router.group("_sandbox/retagly"))
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            },
            logger: Logger(label: "retagly-test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw RetaglyTestFailure("server did not start") }
            let server = RetaglyTestServer(sandbox: sandbox, clock: clock, origin: "http://127.0.0.1:\(port)")
            return try await body(server)
        }
    }

    /// Sends one request to `path` (e.g. `/retagly/add`), with store A's token unless told otherwise.
    func call(
        _ method: RetaglyMethod, _ path: String, token: String? = RetaglyTestServer.tokenA, body: JSONValue? = nil,
        rawBody: String? = nil, authorization: String? = nil
    ) async throws -> RetaglyReply {
        try await RetaglyTestClient(origin: origin).call(
            method, path, token: token, body: body, rawBody: rawBody, authorization: authorization)
    }

    /// POSTs `{"products": products}` to `/retagly/<endpoint>`.
    func send(
        _ endpoint: String, _ products: [JSONValue], token: String = RetaglyTestServer.tokenA
    ) async throws
        -> RetaglyReply
    {
        try await call(.POST, "/retagly/\(endpoint)", token: token, body: ["products": .array(products)])
    }
}

/// A test setup problem.
struct RetaglyTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
