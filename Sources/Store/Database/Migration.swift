/// One step of the schema: applied once, in its own transaction, and recorded in
/// `PRAGMA user_version`. Later features append migrations; a shipped one is never edited.
struct Migration: Sendable {
    /// The `user_version` after this migration (1, 2, 3, … without gaps).
    let version: Int
    /// A short name for logs and errors.
    let name: String
    /// The SQL to run (any number of statements).
    let sql: String
}
