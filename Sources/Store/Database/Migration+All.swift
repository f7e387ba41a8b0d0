extension Migration {
    /// Every migration of the schema, in order. Append new ones at the end (the shelf outbox is next).
    static let all: [Migration] = [.initialSchema, .syncDetails]
}
