extension Migration {
    /// Every migration of the schema, in order. Append new ones at the end.
    static let all: [Migration] = [.initialSchema, .shelfOutbox]
}
