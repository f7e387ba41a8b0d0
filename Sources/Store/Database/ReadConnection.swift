/// A read-only connection lent to one ``Database/read(_:)`` closure; every query inside the closure
/// sees one consistent snapshot (one read transaction). Do not keep it past the closure.
public struct ReadConnection: ReadableConnection {
    public let sqlite: SQLiteConnection
}
