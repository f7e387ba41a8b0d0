import Core

/// The credits a paid call was expected to cost, recorded in the ``SpendLedger`` before it was sent,
/// and the server's UTC day they were recorded on: ``CreditGuard/settle(_:debited:day:)`` corrects that
/// day's entry to what the server actually debited.
struct CreditReservation: Sendable, Hashable {
    /// The pricing formula's cost of the call (zero for a free call: nothing was recorded).
    var cost: Credits
    /// The server's UTC day (`YYYY-MM-DD`) the estimate was recorded on.
    var day: String

    static func free(on day: String) -> CreditReservation { CreditReservation(cost: .zero, day: day) }
}
