/// A connection handed between threads but used by one thread at a time: the writer (only ever on
/// the writer thread) or a pooled reader (checked out by one pool thread at a time).
final class ConfinedConnection: @unchecked Sendable {
    let connection: SQLiteConnection

    init(_ connection: SQLiteConnection) { self.connection = connection }
}
