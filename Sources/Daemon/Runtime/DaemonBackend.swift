import Core
import Foundation
import Lookup
import Prometheus
import Shelf
import Store
import Sync
import Upstream

/// What the socket asks of the daemon (``LookupBackend``), answered by the product fetcher, the
/// catalog watcher, the sync engine, the shelf outbox and the status report.
final class DaemonBackend: LookupBackend {
    let fetcher: ProductFetcher
    let catalog: CatalogWatcher
    let engine: SyncEngine
    let shelf: ShelfOutbox?
    let status: StatusReport
    let registry: PrometheusCollectorRegistry
    let client: RetailDigitalsClient
    let database: Database
    /// Whether Retail Digitals credentials are configured (without them nothing goes upstream).
    let hasCredentials: Bool

    init(
        fetcher: ProductFetcher, catalog: CatalogWatcher, engine: SyncEngine, shelf: ShelfOutbox?,
        status: StatusReport, registry: PrometheusCollectorRegistry, client: RetailDigitalsClient, database: Database,
        hasCredentials: Bool
    ) {
        self.fetcher = fetcher
        self.catalog = catalog
        self.engine = engine
        self.shelf = shelf
        self.status = status
        self.registry = registry
        self.client = client
        self.database = database
        self.hasCredentials = hasCredentials
    }

    func fetchLive(_ barcode: Barcode, deadline: ContinuousClock.Instant) async -> LiveOutcome {
        guard hasCredentials else { return .unavailable(reason: "no_credentials") }
        switch await fetcher.fetchLive(barcode, deadline: deadline) {
        case .found(let product): return .found(product)
        case .notFound: return .notFound
        case .outOfScope: return .outOfScope
        case .unavailable(let reason): return .unavailable(reason: reason)
        }
    }

    func revalidateInBackground(_ barcode: Barcode) {
        if hasCredentials { engine.requestRevalidation() }
    }

    func catalogEntry(_ barcode: Barcode) -> CatalogEntry? { catalog.entry(barcode) }

    func startSync(body: [UInt8]) async -> ControlAnswer {
        guard hasCredentials else {
            return Self.error(
                503, "no_credentials",
                "no Retail Digitals credentials are configured (upstream.client_id and the api key); see the README")
        }
        let request: SyncRequest
        do { request = try SyncRequest(body: body) } catch { return Self.error(400, error.code, error.description) }
        do {
            let (run, joined) = try await engine.start(request)
            let report = try await engine.report(run.id)
            let answer = SyncStartAnswer(syncID: String(run.id), state: run.state, joined: joined, sync: report)
            return ControlAnswer(status: joined ? 200 : 202, body: JSONValueEncoder.json(answer))
        } catch {
            return Self.error(503, "sync_unavailable", "the sync could not be started: \(error)")
        }
    }

    func syncRun(id: String) async -> ControlAnswer {
        guard let number = Int64(id), let report = try? await engine.report(number) else {
            return Self.error(404, "not_found", "there is no sync \(id)")
        }
        return ControlAnswer(status: 200, body: JSONValueEncoder.json(report))
    }

    func status() async -> ControlAnswer {
        ControlAnswer(status: 200, body: JSONValueEncoder.json(await status.document()))
    }

    func enqueueShelfChanges(body: [UInt8]) async -> ControlAnswer {
        let answer = await (shelf?.accept(body: body) ?? ShelfAnswer.disabled)
        return ControlAnswer(status: answer.status, body: answer.body)
    }

    func metricsText() async -> String {
        await status.refreshGauges()
        return MetricsHelp.annotate(registry.emitToString())
    }

    static func error(_ status: Int, _ code: String, _ message: String) -> ControlAnswer {
        ControlAnswer(status: status, body: JSONValueEncoder.json(ErrorDocument(code: code, message: message)))
    }
}
