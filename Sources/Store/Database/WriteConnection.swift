/// The writer connection lent to one ``Database/write(_:)`` closure, inside a `BEGIN IMMEDIATE`
/// transaction that commits when the closure returns and rolls back when it throws. It can also
/// read (it sees its own uncommitted changes). Do not keep it past the closure.
public struct WriteConnection: ReadableConnection {
    public let sqlite: SQLiteConnection
}
