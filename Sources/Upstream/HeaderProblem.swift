/// A header of an answer whose value was ignored or clamped (advisory headers never fail a call):
/// which header, and a message that says what was wrong and what was done instead.
struct HeaderProblem: Sendable, Hashable, CustomStringConvertible {
    /// The header's name as the contract spells it (`X-Credits-Remaining`).
    var header: String
    /// `10000000000000000 is out of range (expected -1000000000000…1000000000000); ignored`.
    var message: String

    var description: String { "\(header) \(message)" }
}
