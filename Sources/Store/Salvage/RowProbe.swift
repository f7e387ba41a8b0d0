/// What ``RowCopier/probe(_:)`` did with one rowid of a damaged table.
enum RowProbe {
    /// The row was read and stored.
    case copied
    /// No row has that rowid.
    case absent
    /// The row's page could not be read.
    case unreadable
    /// The row was read but the fresh schema refused it (a constraint, a foreign key).
    case rejected
}
