import Core

/// What Retail Digitals says this client used (`GET /usage` and `GET /account`, both free).
public struct UsageReport: Sendable, Hashable {
    /// One UTC day of `/usage`.
    public struct Day: Sendable, Hashable, Decodable {
        /// `YYYY-MM-DD` (UTC).
        public var date: String
        /// Requests counted against the rate limit.
        public var requests: Int
        public var credits: Credits

        public init(date: String, requests: Int, credits: Credits) {
            self.date = date
            self.requests = requests
            self.credits = credits
        }
    }

    public var days: [Day]
    /// `/account`'s `credit_balance`.
    public var balance: Credits
    /// `/account`'s `tier` and `client_name` (shown to the operator as given).
    public var tier: String
    public var clientName: String

    /// Decodes `/usage`'s `days` (pure): at most 400 days, requests within `0…Int32.max`, credits
    /// within ±10^12.
    static func days(_ body: [UInt8]) throws(DecodeFailure) -> [Day] {
        let days = try AnswerJSON.decode(Answer.self, body, what: "usage").days.prefix(400)
        for day in days {
            guard day.date.utf8.count == 10 else { throw .contract("a usage day has no `date` as YYYY-MM-DD") }
            try AnswerNumber.check(Int64(day.requests), "days.requests", in: 0...Int64(Int32.max), what: "usage")
            try AnswerNumber.check(day.credits, "days.credits", in: Credits.plausibleRange, what: "usage")
        }
        return Array(days)
    }

    /// `/usage`'s body.
    private struct Answer: Decodable {
        var days: [Day]
    }
}
