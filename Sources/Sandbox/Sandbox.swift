import Core
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// An in-process emulator of both upstream APIs — Retail Digitals under `/api/v1`, Retagly under
/// `/retagly` — plus a control plane under `/_sandbox`, faithful to `../shared/contracts/*.md`.
///
/// Tests embed it with ``withRunning(_:logger:_:)`` on an ephemeral loopback port; `storesync
/// sandbox` runs it standalone. Besides serving, it is the ground truth: each product's record,
/// the bytes and sha256 of each image as a given client receives it, balances and a ledger of every
/// request.
public final class Sandbox: Service, Sendable {
    /// What the sandbox was started with.
    public let configuration: SandboxConfiguration
    /// The clock both APIs run on (advance it instead of sleeping).
    public let clock: SandboxClock
    /// The Retagly emulator mounted under `/retagly`.
    public let retagly: RetaglySandbox
    /// The fault rules (deterministic under ``SandboxConfiguration/faultSeed``).
    public let faults: SandboxFaults

    let logger: Logger
    let state: Mutex<SandboxState>
    let images = SandboxImageCache()
    let hook = Mutex<(@Sendable (SandboxRequestInfo) -> Void)?>(nil)
    let binding = SandboxBinding()

    /// Creates the sandbox (generating its catalog); ``run()`` serves it.
    public init(configuration: SandboxConfiguration, logger: Logger) {
        self.configuration = configuration
        self.clock = configuration.clock
        self.logger = logger
        self.retagly = RetaglySandbox(tokens: configuration.retaglyTokens, clock: configuration.clock)
        self.faults = SandboxFaults(seed: configuration.faultSeed)
        self.state = Mutex(SandboxState(configuration: configuration))
    }

    /// The bound port (the configured one until the server is up).
    public var port: Int { binding.port ?? configuration.port }

    /// `http://HOST:PORT/api/v1`.
    public var retailDigitalsBaseURL: String { "http://\(hostForURLs):\(port)/api/v1" }

    /// `http://HOST:PORT/retagly`.
    public var retaglyBaseURL: String { "http://\(hostForURLs):\(port)/retagly" }

    /// `http://HOST:PORT/_sandbox`.
    public var controlBaseURL: String { "http://\(hostForURLs):\(port)/_sandbox" }

    private var hostForURLs: String {
        let host = configuration.host
        if host == "0.0.0.0" || host == "::" { return "127.0.0.1" }
        return host.contains(":") ? "[\(host)]" : host
    }

    /// Waits until the server is bound and returns the port.
    @discardableResult
    public func waitUntilBound() async throws -> Int { try await binding.wait() }

    /// Sets (or with `nil` clears) a hook run before each Retail Digitals request is processed,
    /// outside the sandbox's lock: it may change the catalog (e.g. while a client is paging).
    public func setRequestHook(_ hook: (@Sendable (SandboxRequestInfo) -> Void)?) {
        self.hook.withLock { $0 = hook }
    }
}
