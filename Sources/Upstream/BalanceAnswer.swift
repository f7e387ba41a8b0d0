import Core

/// The body of `GET /balance` (`{"client_id", "credit_balance", "tier", "meta"}`), pure.
enum BalanceAnswer {
    /// The balance, within ±10^12 credits.
    /// - Throws: a ``DecodeFailure`` naming `credit_balance` when it is missing, not a number or out of range.
    static func decode(_ body: [UInt8]) throws(DecodeFailure) -> Credits {
        let json = try AnswerJSON.object(body, what: "balance")
        return try AnswerNumber.credits(
            json["credit_balance"], "credit_balance", in: Credits.plausibleRange, what: "balance")
    }
}
