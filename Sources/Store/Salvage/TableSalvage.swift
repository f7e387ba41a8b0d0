/// What the salvage of one table got out of a damaged database file.
public struct TableSalvage: Sendable, Equatable {
    /// The table's name.
    public var table: String
    /// Rows copied into the fresh database.
    public var recovered: Int
    /// Rows known to have existed that could not be read or not be stored (an estimate when the
    /// table's pages are damaged: rows on a page nothing points to any more cannot be counted).
    public var lost: Int
    /// Whether the whole table read without an error (then nothing was lost in reading).
    public var complete: Bool
    /// Why the table could not be read at all, when it could not.
    public var failure: String?

    public init(table: String, recovered: Int = 0, lost: Int = 0, complete: Bool = true, failure: String? = nil) {
        self.table = table
        self.recovered = recovered
        self.lost = lost
        self.complete = complete
        self.failure = failure
    }

    /// One line for logs and `verify --repair`, e.g. `shelf_outbox: 3 recovered, 0 lost`.
    public var summary: String {
        var text = "\(table): \(recovered) recovered, \(lost) lost"
        if !complete { text += " (damaged pages)" }
        if let failure { text += " (unreadable: \(failure))" }
        return text
    }
}
