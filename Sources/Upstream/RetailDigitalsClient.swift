import AsyncHTTPClient
import Core
import Foundation
import Logging
import Metrics

/// The Retail Digitals API client: tokens, pacing, retries, costs and image downloads, for one
/// store's API client. One instance per process, shared by the sync and the scan-time lookups.
///
/// Every call takes a ``RequestPurpose`` (only `.scan` may use the scan reserve of the day's request
/// budget) and an optional deadline (at most the configured call deadline) that bounds it,
/// retries and waits included. Calls fail fast, without network traffic, while the client is
/// disabled, the credentials were refused, the day's budget is spent, the credit cap is reached or
/// (paid calls) after a `402` until a top-up is seen.
public final class RetailDigitalsClient: Sendable {
    let configuration: UpstreamConfiguration
    let exchange: HTTPExchange
    let tokens: TokenManager
    let clock: ServerClock
    let pacer: Pacer
    let credits: CreditGuard
    let gate: AccessGate
    let metrics: UpstreamMetrics
    let hostile: HostileValueLog
    let lost = LostAnswerTally()
    let logger: Logger

    /// - Parameters:
    ///   - httpClient: the process's shared client; make it with `redirectConfiguration: .disallow`.
    ///   - tokens: where tokens survive restarts.
    ///   - spend: where each UTC day's spent credits are kept (for the daily cap and status).
    ///   - logger: never receives a secret from this client.
    ///   - metrics: the factory of the daemon's registry.
    ///   - clock: the daemon's one clock: token expiry, pacing and retry waits (a test's manual one).
    public init(
        configuration: UpstreamConfiguration, httpClient: HTTPClient, tokens: any TokenPersistence,
        spend: any SpendLedger, logger: Logger, metrics: any MetricsFactory, clock: WallClock = .system
    ) {
        var logger = logger
        logger[metadataKey: "component"] = "upstream"
        self.configuration = configuration
        self.exchange = HTTPExchange(client: httpClient, proxy: configuration.proxy)
        self.clock = ServerClock(wall: clock)
        self.pacer = Pacer(clock: self.clock, scanReserve: configuration.scanReserve)
        self.gate = AccessGate()
        self.metrics = UpstreamMetrics(factory: metrics)
        self.credits = CreditGuard(
            ledger: spend, limit: configuration.dailyCreditLimit, lowCreditWarning: configuration.lowCreditWarning,
            logger: logger)
        self.logger = logger
        self.hostile = HostileValueLog(logger: logger)
        let wire = AuthWire(
            exchange: exchange, baseURL: configuration.baseURL, credentials: configuration.credentials,
            retry: configuration.retry, clock: clock, requestTimeout: configuration.requestTimeout,
            metrics: self.metrics, hostile: hostile, gate: gate, logger: logger)
        self.tokens = TokenManager(
            wire: wire, persistence: tokens, gate: gate, refreshAhead: configuration.refreshAhead,
            renewalBudget: configuration.callDeadline, clock: clock, logger: logger)
    }

    /// Loads the saved tokens and reads `/pricing` (falling back to the contract's rates with a
    /// warning). Never throws: what went wrong shows in ``snapshot``.
    public func start() async {
        await tokens.load()
        do {
            let pricing = try await fetchPricing()
            credits.setPricing(pricing)
            logger.info(
                "read the pricing",
                metadata: ["per_scope": "\(pricing.perScope)", "per_image": "\(pricing.perImage)"])
        } catch {
            credits.setPricing(.contractDefaults)
            logger.warning(
                "cannot read /pricing; using the contract's rates until the next start",
                metadata: ["error": "\(error)"])
        }
    }

    /// The cost the formula gives for a product fetch with the pricing in force (an upper bound
    /// when `available` is `nil`).
    public func expectedCost(include: [IncludeScope], variants: [ImageVariant], available: [ImageVariant]?) -> Credits {
        credits.pricing.productCost(include: include, variants: variants, available: available)
    }

    /// The pricing in force.
    public var pricing: Pricing { credits.pricing }

    /// The server's clock as this client estimates it (its own clock until it saw an answer).
    public var serverNow: Date { clock.serverNow() }

    /// Applies new budgets without a restart (SIGHUP): the daily credit cap (`nil` for none), the
    /// share of the day's requests kept for scans and the low-credit warning (`nil` or zero: off).
    public func updateBudgets(dailyCreditLimit: Credits?, scanReserve: Double, lowCreditWarning: Credits?) {
        credits.limit = dailyCreditLimit
        pacer.scanReserve = scanReserve
        credits.setLowCreditWarning(lowCreditWarning)
    }

    /// Lifts a `client_disabled` (or refused-credentials) stop, as an operator's resync does. The
    /// next call tries again and stops again if upstream still refuses.
    public func reenable() async {
        if [.disabled, .invalidCredentials, .ipNotAllowed].contains(gate.authState) {
            logger.notice("upstream traffic re-enabled by the operator")
        }
        gate.reopen()
    }

    /// The deadline of a call: now + the smaller of `requested` and the configured call deadline.
    func deadline(_ requested: Duration?) -> ContinuousClock.Instant {
        let limit = requested.map { min($0, configuration.callDeadline) } ?? configuration.callDeadline
        return ContinuousClock.now + limit
    }
}
