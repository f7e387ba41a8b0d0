import Core

/// What one look at the outbox decided (pure result of ``ShelfPlanner``).
struct ShelfPlan: Sendable {
    /// A barcode and the newest outbox sequence a decision covers.
    struct Settled: Sendable, Hashable {
        var barcode: StoreBarcode
        var throughSeq: Int64
    }

    /// A barcode that cannot be sent, and why (an item error, kept until a newer change arrives).
    struct Problem: Sendable, Hashable {
        var barcode: StoreBarcode
        var throughSeq: Int64
        var message: String
    }

    /// Products to send, oldest change first.
    var items: [ShelfPlannedItem] = []
    /// Barcodes whose changes leave Retagly's state as it is: their changes leave the outbox unsent.
    var settled: [Settled] = []
    /// Barcodes that cannot be sent.
    var problems: [Problem] = []
    /// Whether more products were waiting than the plan's limit took.
    var truncated = false

    /// Whether the plan changes anything in the database or at Retagly.
    var isEmpty: Bool { items.isEmpty && settled.isEmpty && problems.isEmpty }
}
