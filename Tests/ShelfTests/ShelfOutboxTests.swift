import Core
import Logging
import MetricsTestKit
import Store
import Testing

@testable import Shelf

@Suite("Accepting shelf changes into the outbox")
struct ShelfOutboxTests {
    /// Runs `body` with a fresh database and an outbox on it (no Retagly needed).
    private func withOutbox<T>(
        maximumChanges: Int = 10_000, _ body: (ShelfOutbox, Database, ShelfTestDirectory) async throws -> T
    ) async throws -> T {
        let directory = try ShelfTestDirectory()
        defer { directory.remove() }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let database = try await Database.open(directory: directory.path, logger: logger)
        let outbox = ShelfOutbox(
            database: database, maximumChanges: maximumChanges, statusItemErrors: 50, logger: logger,
            metrics: ShelfMetrics(factory: TestMetrics()))
        do {
            let result = try await body(outbox, database, directory)
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    }

    private func body(_ products: [JSONValue]) -> [UInt8] {
        Array(JSONValue.object([("products", .array(products))]).jsonText.utf8)
    }

    @Test("Accepted changes are committed before the answer and are there after the database is reopened")
    func durable() async throws {
        let cereal = ShelfSamples.barcode(1)
        try await withOutbox { outbox, database, directory in
            let answer = await outbox.accept(
                body: body([
                    ShelfSamples.product(cereal), ShelfSamples.change(cereal, [("price", "5.25")]),
                    .object([("barcode", .string("0" + cereal.digits)), ("stock", .null)]),
                ]))
            #expect(answer == ShelfAnswer(status: 202, body: ["accepted": 3]))
            try await database.close()
            let reopened = try await Database.open(
                directory: directory.path, logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
            let rows = try await reopened.read { try $0.pendingShelfChanges(limit: 10) }
            try await reopened.close()
            // Each change keeps the digits the POS sent (its identity toward Retagly), one product key.
            #expect(rows.map(\.barcode.digits) == [cereal.digits, cereal.digits, "0" + cereal.digits])
            #expect(rows.allSatisfy { $0.barcode.key == cereal.key })
            #expect(rows.map(\.seq) == rows.map(\.seq).sorted())
            #expect(
                rows.map { ShelfFields(stored: $0.change) } == [
                    ShelfFields(name: "Oat Rings", price: Money(cents: 499)), ShelfFields(price: Money(cents: 525)),
                    ShelfFields(stock: .null),
                ])
            #expect(rows.allSatisfy { $0.source == .pos })
        }
    }

    @Test("One invalid change refuses the request with per-item errors in the socket's shape and queues nothing")
    func invalidRefusesAll() async throws {
        try await withOutbox { outbox, database, _ in
            let answer = await outbox.accept(
                body: body([
                    ShelfSamples.product(ShelfSamples.barcode(1)),
                    ShelfSamples.change(ShelfSamples.barcode(2), [("price", "1.001")]),
                    .object([("barcode", "123"), ("price", 1)]),
                ]))
            #expect(answer.status == 400)
            #expect(answer.body["error"]?["code"] == "invalid_changes")
            #expect(answer.body["error"]?["message"]?.stringValue?.contains("2 changes are invalid") == true)
            let items = answer.body["error"]?["items"]?.arrayValue ?? []
            #expect(items.map { $0["index"] } == [1, 2])
            #expect(items[1]["barcode"] == "123")
            #expect(items.allSatisfy { ($0["message"]?.stringValue ?? "").isEmpty == false })
            let rows = try await database.read { try $0.pendingShelfChanges(limit: 10) }
            #expect(rows.isEmpty)
        }
    }

    @Test("Bodies that are not JSON or too large are refused with their own codes")
    func refusals() async throws {
        try await withOutbox(maximumChanges: 2) { outbox, _, _ in
            let notJSON = await outbox.accept(body: Array("{\"products\": [".utf8))
            #expect(notJSON.status == 400)
            #expect(notJSON.body["error"]?["code"] == "invalid_json")
            let shape = await outbox.accept(body: Array("{\"products\": []}".utf8))
            #expect(shape.body["error"]?["code"] == "invalid_changes")
            let many = await outbox.accept(body: body((1...3).map { ShelfSamples.product(ShelfSamples.barcode($0)) }))
            #expect(many.status == 413)
            #expect(many.body["error"]?["code"] == "too_many_changes")
        }
    }

    @Test("When the outbox cannot be written the answer is 503 outbox_unavailable, never a silent drop")
    func unavailable() async throws {
        try await withOutbox { outbox, database, _ in
            try await database.close()
            let answer = await outbox.accept(body: body([ShelfSamples.product(ShelfSamples.barcode(1))]))
            #expect(answer.status == 503)
            #expect(answer.body["error"]?["code"] == "outbox_unavailable")
            #expect(answer.body["error"]?["message"]?.stringValue?.contains("shutting down") == true)
            let status = JSONValueEncoder.json(await outbox.status())
            #expect(status["error"] != nil)
        }
    }

    @Test("The status of a quiet outbox has the pinned keys with empty values")
    func emptyStatus() async throws {
        try await withOutbox { outbox, _, _ in
            let status = JSONValueEncoder.json(await outbox.status())
            #expect(status["outbox_depth"] == 0)
            #expect(status["oldest_pending_at"] == .null)
            #expect(status["last_session"] == .null)
            #expect(status["item_errors"] == [])
        }
    }
}
