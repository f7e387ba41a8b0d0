import Core
import Logging
import Metrics
import Store

/// The durable queue of shelf changes: the socket hands it a `POST /v1/shelf/products` body, it
/// validates every item and writes them all to the outbox in one transaction before answering.
/// ``ShelfPusher`` drains it. Also reports the `shelf` block of the status document.
public final class ShelfOutbox: Sendable {
    let database: Database
    let logger: Logger
    let metrics: ShelfMetrics
    let doorbell = WakeSignal()
    /// The most changes one request may carry.
    let maximumChanges: Int
    /// How many item errors the status lists.
    let statusItemErrors: Int
    /// The local clock (tests may pin it).
    let now: @Sendable () -> UnixMillis

    /// - Parameters:
    ///   - database: the state directory's database (migrated with the shelf tables).
    ///   - configuration: limits (``ShelfConfiguration/maximumChangesPerRequest``,
    ///     ``ShelfConfiguration/statusItemErrors``).
    ///   - metricsFactory: the Daemon's registry.
    public convenience init(
        database: Database, configuration: ShelfConfiguration, logger: Logger, metricsFactory: any MetricsFactory
    ) {
        self.init(
            database: database, maximumChanges: configuration.maximumChangesPerRequest,
            statusItemErrors: configuration.statusItemErrors, logger: logger,
            metrics: ShelfMetrics(factory: metricsFactory))
    }

    init(
        database: Database, maximumChanges: Int, statusItemErrors: Int, logger: Logger, metrics: ShelfMetrics,
        now: @escaping @Sendable () -> UnixMillis = { UnixMillis.now() }
    ) {
        self.database = database
        self.maximumChanges = maximumChanges
        self.statusItemErrors = statusItemErrors
        self.logger = logger
        self.metrics = metrics
        self.now = now
    }

    /// `POST /v1/shelf/products`: validates the body and queues its changes durably.
    ///
    /// `202 {"accepted": n}` once every change is committed (`synchronous=FULL`); `400
    /// invalid_json` / `invalid_changes` (with `items` for per-item problems) and nothing queued;
    /// `413 too_many_changes` above the limit; `503 outbox_unavailable` when the write failed.
    public func accept(body: [UInt8]) async -> ShelfAnswer {
        let changes: [ShelfChange]
        switch ShelfChangeParser.parse(body, limit: maximumChanges) {
        case .success(let parsed): changes = parsed
        case .failure(let error): return Self.answer(for: error)
        }
        let rows = changes.map {
            ShelfNewChange(barcode: $0.barcode, change: $0.fields.storedJSON.jsonText, fields: $0.fields.fieldSet)
        }
        let acceptedAt = now()
        do {
            try await database.write { connection in
                try connection.appendShelfChanges(rows, source: .pos, at: acceptedAt)
            }
        } catch {
            logger.error(
                "could not write shelf changes to the outbox; the POS was told to retry",
                metadata: ["changes": "\(rows.count)", "error": "\(error)"])
            return .error(
                503, code: "outbox_unavailable",
                message: "the shelf outbox could not be written (\(Self.reason(error))); nothing was queued: "
                    + "send the changes again later")
        }
        metrics.accepted(rows.count)
        doorbell.signal()
        return ShelfAnswer(status: 202, body: ["accepted": .int(rows.count)])
    }

    static func answer(for error: ShelfChangeParser.BodyError) -> ShelfAnswer {
        switch error {
        case .malformed(let message) where message.hasPrefix("the body is not JSON"):
            return .error(400, code: "invalid_json", message: message)
        case .malformed(let message):
            return .error(400, code: "invalid_changes", message: message)
        case .tooMany(let count, let limit):
            return .error(
                413, code: "too_many_changes",
                message: "\(count) changes in one request; send at most \(limit) a request (split the list)")
        case .items(let problems):
            let noun = problems.count == 1 ? "change is" : "changes are"
            return .error(
                400, code: "invalid_changes", message: "\(problems.count) \(noun) invalid; nothing was queued",
                items: problems)
        }
    }

    /// A short reason for a failed write, without bound values or secrets.
    static func reason(_ error: any Error) -> String {
        if let error = error as? SQLiteError {
            if error.isDiskFull { return "the disk is full" }
            return "SQLite error \(error.code)"
        }
        if let error = error as? StoreError, case .closed = error { return "storesync is shutting down" }
        return "\(type(of: error))"
    }
}
