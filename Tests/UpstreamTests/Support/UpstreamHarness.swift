import AsyncHTTPClient
import Core
import Foundation
import Logging
import Sandbox
import TestSupport
import Upstream

/// A running sandbox and a ``RetailDigitalsClient`` wired to it over real loopback HTTP, with
/// captured logs, recorded metrics, in-memory token and spend stores.
struct UpstreamHarness: Sendable {
    static let clientID = "rd_client_sandbox"
    static let apiKey = "sk_test_sandbox"

    let sandbox: Sandbox
    let logs: LogCapture
    let metrics: RecordingMetrics
    let tokens: RecordingTokenPersistence
    let spend: InMemorySpendLedger
    let configuration: UpstreamConfiguration
    /// The client's clock (the machine's unless a test moves its own).
    let clock: WallClock
    let client: RetailDigitalsClient

    /// A small catalog, a generous account (so only the tests about budgets meet them), a manual
    /// clock at ``SandboxTesting/start`` unless given.
    static func sandboxConfiguration(
        products: Int = 40, requestsPerMinute: Int = 100_000, requestsPerDay: Int = 1_000_000,
        credits: Credits = Credits(10_000), clock: SandboxClock? = nil
    ) -> SandboxConfiguration {
        var configuration = SandboxTesting.configuration(products: products, clock: clock)
        configuration.clients = [
            SandboxClientAccount(
                id: clientID, apiKey: apiKey, requestsPerMinute: requestsPerMinute, requestsPerDay: requestsPerDay,
                credits: credits)
        ]
        return configuration
    }

    /// Fast retries; timeouts and deadlines only a hang reaches (tests of them set their own).
    static func upstreamConfiguration(baseURL: String, apiKey: String = apiKey) -> UpstreamConfiguration {
        UpstreamConfiguration(
            baseURL: baseURL, credentials: UpstreamCredentials(clientID: clientID, apiKey: Secret(apiKey)),
            include: [.productMeta, .images], variants: [.front], dailyCreditLimit: nil, scanReserve: 0.2,
            requestTimeout: .seconds(30), callDeadline: .seconds(60), maxImageBytes: 10 << 20,
            retry: RetryPolicy(maximumAttempts: 6, baseDelay: .milliseconds(5), maximumDelay: .milliseconds(50)),
            lowCreditWarning: nil)
    }

    /// Runs `body` with a fresh sandbox and client.
    static func run<T>(
        _ sandboxConfiguration: SandboxConfiguration = sandboxConfiguration(),
        tokens: RecordingTokenPersistence = RecordingTokenPersistence(), clock: WallClock = .system,
        configure: (inout UpstreamConfiguration) -> Void = { _ in },
        _ body: (UpstreamHarness) async throws -> T
    ) async throws -> T {
        try await Sandbox.withRunning(sandboxConfiguration, logger: SandboxTesting.logger) { sandbox in
            var configuration = upstreamConfiguration(baseURL: sandbox.retailDigitalsBaseURL)
            configure(&configuration)
            let logs = LogCapture()
            let metrics = RecordingMetrics()
            let spend = InMemorySpendLedger()
            let client = RetailDigitalsClient(
                configuration: configuration, httpClient: SandboxTestClient.http, tokens: tokens, spend: spend,
                logger: logs.logger(), metrics: metrics, clock: clock)
            let harness = UpstreamHarness(
                sandbox: sandbox, logs: logs, metrics: metrics, tokens: tokens, spend: spend,
                configuration: configuration, clock: clock, client: client)
            return try await body(harness)
        }
    }

    /// Another client process against the same sandbox (a restart, or a second machine).
    func makeClient(
        tokens: any TokenPersistence, httpClient: HTTPClient = SandboxTestClient.http,
        configure: (inout UpstreamConfiguration) -> Void = { _ in }
    ) -> RetailDigitalsClient {
        var configuration = self.configuration
        configure(&configuration)
        return RetailDigitalsClient(
            configuration: configuration, httpClient: httpClient, tokens: tokens, spend: InMemorySpendLedger(),
            logger: logs.logger("second-client"), metrics: RecordingMetrics(), clock: clock)
    }

    /// The ledger entries of `endpoint`.
    func ledger(_ endpoint: SandboxEndpoint) -> [LedgerEntry] {
        sandbox.ledger().filter { $0.endpoint == endpoint.rawValue }
    }

    /// Credits the ledger shows debited in all.
    var creditsDebited: Credits { sandbox.ledger().reduce(.zero) { $0 + $1.creditsDebited } }

    /// A catalog product having exactly `variants` (sorted), as a barcode.
    func barcode(withVariants variants: [ImageVariant]? = nil, excluding: Set<String> = []) throws -> Barcode {
        let product = sandbox.products.first { product in
            !excluding.contains(product.barcode) && (variants.map { product.variants.sorted() == $0.sorted() } ?? true)
                && !(Barcode(product.barcode)?.isInStore ?? true)
        }
        guard let product, let barcode = Barcode(product.barcode) else {
            throw SandboxTestFailure("no product with variants \(variants ?? [])")
        }
        return barcode
    }

    /// A product having the front variant.
    func productWithFront(excluding: Set<String> = []) throws -> Barcode {
        guard
            let product = sandbox.products.first(where: {
                !excluding.contains($0.barcode) && $0.variants.contains(.front)
                    && !(Barcode($0.barcode)?.isInStore ?? true)
            }), let barcode = Barcode(product.barcode)
        else { throw SandboxTestFailure("no product with a front image") }
        return barcode
    }

    /// The current access token the client saved.
    var savedAccessToken: String? { tokens.current.tokens?.accessToken.revealed }
}
