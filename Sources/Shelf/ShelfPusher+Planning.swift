import Core
import Foundation
import Logging
import Store

extension ShelfPusher {
    /// Rows read from the outbox per round at most (several per barcode are coalesced).
    static let maximumRowsPerRound = 250_000

    /// Plans the next delivery from the outbox (one read transaction).
    func makePlan(excluding: Set<StoreBarcode>, limit: Int) async throws -> ShelfPlan {
        let catalog = catalog()
        return try await database.read { connection in
            let rows = try connection.pendingShelfChanges(limit: Self.maximumRowsPerRound)
            let states = try connection.shelfProductStates(for: Set(rows.map(\.barcode)))
            return ShelfPlanner.plan(
                rows: rows, states: states, excluding: excluding, limit: limit, catalog: catalog,
                metaName: { barcode in Self.productName(barcode, connection: connection) })
        }
    }

    /// Retail Digitals' `product_meta.product_name` of `barcode` from the cache, if any: the product its
    /// digits read as, else (an ambiguous 8-digit code) the UPC-A its UPC-E reading expands to.
    static func productName(_ barcode: StoreBarcode, connection: ReadConnection) -> String? {
        let cached = barcode.key.readings.lazy.compactMap { try? connection.product($0) }.first
        guard let record = cached,
            let meta = try? JSONValue(parsing: record.productMeta),
            let name = meta["product_name"]?.stringValue
        else { return nil }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        return String(trimmed.prefix(ShelfChangeParser.maximumNameLength))
    }

    /// Applies a plan's decisions that need no call: settled changes leave the outbox, problems
    /// become item errors.
    func record(_ plan: ShelfPlan) async throws {
        guard !plan.settled.isEmpty || !plan.problems.isEmpty else { return }
        let now = outbox.now()
        try await database.write { connection in
            for settled in plan.settled {
                try connection.removeShelfChanges(settled.barcode, through: settled.throughSeq)
            }
            for problem in plan.problems {
                try connection.recordShelfItemError(
                    problem.barcode, message: problem.message, through: problem.throughSeq, at: now)
            }
        }
        if !plan.problems.isEmpty {
            metrics.itemErrors(plan.problems.count)
            logger.warning(
                "shelf changes held back: products new to Retagly without a name or price",
                metadata: ["count": "\(plan.problems.count)", "first": "\(plan.problems[0].barcode)"])
        }
    }

    /// Records that Retagly confirmed `items`: their changes leave the outbox and the delivered
    /// state moves on (never back: a newer delivery recorded meanwhile wins).
    func settle(_ items: [ShelfPlannedItem]) async throws {
        let now = outbox.now()
        try await database.write { connection in
            for item in items {
                try connection.removeShelfChanges(item.barcode, through: item.throughSeq)
                try connection.recordShelfDelivery(
                    item.barcode, delivered: item.deliveredAfter.storedJSON.jsonText, through: item.throughSeq, at: now)
            }
        }
    }

    /// Records Retagly's refusals of `items` (indexed as sent): a partial update of a product
    /// Retagly is believed to have is retried whole (Retagly may have lost it); a whole product is
    /// kept as an item error until a newer change arrives. Returns how many problems matched an item.
    func refuse(_ problems: [ErrorDocument.Item], of items: [ShelfPlannedItem], context: String) async throws -> Int {
        let now = outbox.now()
        let refused: [(ShelfPlannedItem, String)] = problems.compactMap { problem in
            items.indices.contains(problem.index)
                ? (items[problem.index], problem.message) : nil
        }
        guard !refused.isEmpty else { return 0 }
        try await database.write { connection in
            for (item, message) in refused {
                if item.asNew {
                    try connection.recordShelfItemError(
                        item.barcode, message: "Retagly refused it (\(context)): \(message)", through: item.throughSeq,
                        at: now)
                } else {
                    try connection.setShelfKnown(item.barcode, false)
                }
            }
        }
        let held = refused.filter { $0.0.asNew }.count
        if held > 0 {
            metrics.itemErrors(held)
            logger.warning("Retagly refused shelf products", metadata: ["count": "\(held)", "call": "\(context)"])
        }
        return refused.count
    }
}
