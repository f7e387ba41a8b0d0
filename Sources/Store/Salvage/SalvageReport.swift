/// What was saved from a damaged database file: rows per table and the image index rebuilt from
/// the files on disk. Logged at open and printed by `storesync verify --repair`.
public struct SalvageReport: Sendable, Equatable {
    /// Where the damaged file was moved.
    public var movedTo: String
    /// The integrity problems that condemned it (at most 20).
    public var problems: [String]
    /// The result per table, in copy order.
    public var tables: [TableSalvage]
    /// Salvaged image index rows dropped because their file is missing or has another sha256.
    public var imagesDropped: Int = 0
    /// Image files indexed again by their sha256 (their product was salvaged, their row was not).
    public var imagesReindexed: Int = 0
    /// Image files of products that were not salvaged, kept for a later fetch to replace.
    public var imagesKept: Int = 0

    public init(movedTo: String, problems: [String], tables: [TableSalvage]) {
        self.movedTo = movedTo
        self.problems = problems
        self.tables = tables
    }

    /// The result for `table`, if it was salvaged.
    public func table(_ name: String) -> TableSalvage? { tables.first { $0.table == name } }

    /// Whether every table was read whole.
    public var isComplete: Bool { tables.allSatisfy { $0.complete && $0.lost == 0 && $0.failure == nil } }

    /// The image part as one line.
    public var imagesSummary: String {
        "images on disk: \(imagesReindexed) indexed again by sha256, \(imagesDropped) index rows dropped "
            + "(file missing or changed), \(imagesKept) files kept for products not recovered"
    }
}
