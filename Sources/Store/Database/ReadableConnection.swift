/// A connection the typed read operations run on: ``ReadConnection`` and ``WriteConnection``.
public protocol ReadableConnection {
    /// The SQLite connection (opaque outside Store: SQL stays inside this module).
    var sqlite: SQLiteConnection { get }
}
