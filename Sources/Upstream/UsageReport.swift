import Core

/// What Retail Digitals says this client used (`GET /usage` and `GET /account`, both free).
public struct UsageReport: Sendable, Hashable {
    /// One UTC day of `/usage`.
    public struct Day: Sendable, Hashable {
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

    /// Decodes `/usage`'s `days` (pure).
    static func days(_ body: [UInt8]) throws(DecodeFailure) -> [Day] {
        let json = try AnswerJSON.object(body, what: "usage")
        guard case .array(let items)? = json["days"] else { throw .contract("the usage answer has no `days` list") }
        var days: [Day] = []
        for item in items.prefix(400) {
            guard let date = item["date"]?.stringValue, date.utf8.count == 10 else {
                throw .contract("a usage day has no `date` as YYYY-MM-DD")
            }
            days.append(
                Day(
                    date: date,
                    requests: try AnswerNumber.integer(
                        item["requests"], "days.requests", in: 0...Int64(Int32.max), what: "usage"),
                    credits: try AnswerNumber.credits(
                        item["credits"], "days.credits", in: Credits.plausibleRange, what: "usage")))
        }
        return days
    }
}
