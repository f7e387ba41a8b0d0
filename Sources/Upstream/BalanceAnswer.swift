import Core

/// The body of `GET /balance` and of `GET /account` (`{"client_id", "credit_balance", "tier",
/// "client_name", "meta"}`), pure.
struct BalanceAnswer: Decodable {
    var creditBalance: Credits
    /// `/account`'s, shown to the operator as given.
    var tier: String?
    var clientName: String?

    /// Reads `body` (the answer of `what`); the balance lies within ±10^12 credits.
    /// - Throws: a ``DecodeFailure`` naming `credit_balance` when it is missing, not a number or out of range.
    static func decode(_ body: [UInt8], what: String = "balance") throws(DecodeFailure) -> BalanceAnswer {
        let answer = try AnswerJSON.decode(BalanceAnswer.self, body, what: what)
        try AnswerNumber.check(answer.creditBalance, "credit_balance", in: Credits.plausibleRange, what: what)
        return answer
    }
}
