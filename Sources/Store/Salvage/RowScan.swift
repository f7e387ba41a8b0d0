/// How far one ``RowCopier/scan(order:)`` of a damaged table got.
struct RowScan {
    /// Whether it reached the end without an error.
    var finished: Bool
    /// The rowid of the last row it read.
    var lastRowid: Int64?
}
