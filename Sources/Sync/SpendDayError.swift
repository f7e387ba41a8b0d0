/// A spend ledger day that is not `YYYY-MM-DD`.
struct SpendDayError: Error, CustomStringConvertible {
    let day: String
    var description: String { "'\(day)' is not a UTC day written YYYY-MM-DD" }
}
