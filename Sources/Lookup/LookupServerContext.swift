import Core
import NIOCore
import NIOHTTP1
import Store
import Synchronization

/// What every connection of one server shares: configuration, the answering engine, the slow lane,
/// metrics and the shutdown flag.
final class LookupServerContext: Sendable {
    let configuration: LookupConfiguration
    let engine: LookupEngine
    let lane: SlowLane
    /// The control routes' own lane (``Route/isControl``), so they never take the scans' places.
    let controlLane: SlowLane
    let metrics: LookupMetrics
    /// Request-body bytes buffered across all connections (``LookupConfiguration/bodyBudgetBytes``).
    let bodies: BodyBudget
    private let shuttingDown = Atomic(false)
    private let ready = Atomic(false)

    init(configuration: LookupConfiguration, engine: LookupEngine, metrics: LookupMetrics) {
        self.configuration = configuration
        self.engine = engine
        self.metrics = metrics
        self.lane = SlowLane(limit: configuration.maxConcurrentSlowRequests)
        self.controlLane = SlowLane(limit: Self.controlLaneLimit)
        self.bodies = BodyBudget(limit: configuration.bodyBudgetBytes)
    }

    /// Control requests waiting or running at once; more get `503 busy`.
    static let controlLaneLimit = 16

    var isShuttingDown: Bool { shuttingDown.load(ordering: .relaxed) }
    func beginShutdown() { shuttingDown.store(true, ordering: .relaxed) }

    /// Whether the socket serves lookups (for `/healthz`).
    var isReady: Bool { ready.load(ordering: .relaxed) }
    func markReady() { ready.store(true, ordering: .relaxed) }

    /// Routes one complete request.
    func decide(
        _ route: Route, head: HTTPRequestHead, body: [UInt8], reader: LoopReader, allocator: ByteBufferAllocator
    ) -> LookupEngine.Decision {
        switch route {
        case .product(let barcode):
            return engine.product(barcode, loop: reader, allocator: allocator)
        case .image(let barcode, let variant):
            return engine.image(
                barcode, variant: variant, ifNoneMatch: head.headers.first(name: "if-none-match"),
                loop: reader)
        case .health:
            return .answer(
                isReady && !isShuttingDown
                    ? .json(.ok, #"{"status":"ok"}"#)
                    : .error(.serviceUnavailable, code: "not_ready", message: "storesync is starting or stopping"))
        case .badBarcodePath:
            return .answer(
                .error(
                    .badRequest, code: "invalid_barcode",
                    message: "a barcode is digits only; this one contains '/'"))
        case .notFound:
            return .answer(
                .error(
                    .notFound, code: "not_found",
                    message: "no such route; see GET /v1/products/{barcode}, /v1/status, /metrics, /healthz"))
        case .methodNotAllowed(let allowed):
            var answer = Answer.error(
                .methodNotAllowed, code: "method_not_allowed",
                message: "\(head.method) is not allowed here; use \(allowed)")
            answer.extraHeaders = [("Allow", allowed)]
            return .answer(answer)
        case .status, .startSync, .syncRun, .shelfProducts, .metrics, .usage:
            return engine.control(route, body: body)
        }
    }
}
