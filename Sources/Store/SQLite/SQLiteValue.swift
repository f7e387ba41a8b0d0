/// A value bound to a statement parameter.
enum SQLiteValue {
    case null
    case integer(Int64)
    case text(String)

    /// An integer, or `NULL` for `nil`.
    static func integer(_ value: Int64?) -> SQLiteValue { value.map { .integer($0) } ?? .null }

    /// An `Int` as an integer.
    static func int(_ value: Int) -> SQLiteValue { .integer(Int64(value)) }

    /// Text, or `NULL` for `nil`.
    static func text(_ value: String?) -> SQLiteValue { value.map { .text($0) } ?? .null }
}
