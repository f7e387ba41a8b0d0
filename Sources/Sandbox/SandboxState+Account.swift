import Core
import Foundation

extension SandboxState {
    /// `GET /balance`.
    mutating func balance(_ request: SandboxAPIRequest, now: Date, fault: Fault?) -> SandboxAPIResponse {
        authenticated(request, now: now, fault: fault) { state, caller throws(SandboxAPIError) in
            let account = state.clients[caller.clientID]!.account
            return SandboxHandled(body: [
                ("client_id", .string(account.id)), ("credit_balance", .credits(account.credits)),
                ("tier", .string(account.tier)),
            ])
        }
    }

    /// `GET /account`: balance, usage to date and the rate-limit budget (after this request).
    mutating func account(_ request: SandboxAPIRequest, now: Date, fault: Fault?) -> SandboxAPIResponse {
        authenticated(request, now: now, fault: fault) { state, caller throws(SandboxAPIError) in
            let client = state.clients[caller.clientID]!
            let today = Timestamp.formatDay(now)
            let month = String(today.prefix(7))
            var requestsMonth = 1
            var spentToday = Credits.zero
            var spentMonth = Credits.zero
            for entry in state.ledger where entry.clientID == caller.clientID {
                let day = Timestamp.formatDay(entry.time)
                guard day.hasPrefix(month) else { continue }
                if entry.countedForRateLimit { requestsMonth += 1 }
                spentMonth += entry.creditsDebited
                if day == today { spentToday += entry.creditsDebited }
            }
            let account = client.account
            let usage: JSONValue = [
                "requests_today": .int(client.day.count), "requests_this_month": .int(requestsMonth),
                "credits_spent_today": .credits(spentToday), "credits_spent_this_month": .credits(spentMonth),
            ]
            let limits: JSONValue = [
                "requests_per_minute": .int(account.requestsPerMinute),
                "requests_per_day": .int(account.requestsPerDay),
                "remaining_this_minute": .int(client.minute.remaining(limit: account.requestsPerMinute)),
                "remaining_today": .int(client.day.remaining(limit: account.requestsPerDay)),
            ]
            return SandboxHandled(body: [
                ("client_id", .string(account.id)), ("client_name", .string(account.name)),
                ("tier", .string(account.tier)), ("credit_balance", .credits(account.credits)), ("usage", usage),
                ("rate_limits", limits),
            ])
        }
    }

    /// `GET /usage?from=&to=`: requests and credits per UTC day, from the ledger (days without
    /// activity included). Defaults: `to` today, `from` the first day of `to`'s month.
    mutating func usage(_ request: SandboxAPIRequest, now: Date, fault: Fault?) -> SandboxAPIResponse {
        authenticated(request, now: now, fault: fault) { state, caller throws(SandboxAPIError) in
            let today = Timestamp.formatDay(now)
            let toText = request.query["to"] ?? today
            guard toText.count == 10, let to = Timestamp.parse(toText) else {
                throw .badRequest("to must be a date as YYYY-MM-DD (got '\(toText)').")
            }
            let fromText = request.query["from"] ?? String(toText.prefix(8)) + "01"
            guard fromText.count == 10, let from = Timestamp.parse(fromText) else {
                throw .badRequest("from must be a date as YYYY-MM-DD (got '\(fromText)').")
            }
            let dayCount = Int((to.timeIntervalSince1970 - from.timeIntervalSince1970) / 86_400) + 1
            guard dayCount >= 1 else { throw .badRequest("from (\(fromText)) is after to (\(toText)).") }
            guard dayCount <= 366 else { throw .badRequest("Ask for at most 366 days at a time.") }
            var requests: [String: Int] = [today: 1]
            var credits: [String: Credits] = [:]
            for entry in state.ledger where entry.clientID == caller.clientID {
                let day = Timestamp.formatDay(entry.time)
                if entry.countedForRateLimit { requests[day, default: 0] += 1 }
                credits[day, default: .zero] += entry.creditsDebited
            }
            let days: [JSONValue] = (0..<dayCount).map { offset in
                let day = Timestamp.formatDay(from.addingTimeInterval(Double(offset) * 86_400))
                return [
                    "date": .string(day), "requests": .int(requests[day] ?? 0),
                    "credits": .credits(credits[day] ?? .zero),
                ]
            }
            return SandboxHandled(body: [
                ("client_id", .string(caller.clientID)), ("from", .string(fromText)), ("to", .string(toText)),
                ("days", .array(days)),
            ])
        }
    }

    /// `GET /pricing`.
    mutating func pricingAnswer(_ request: SandboxAPIRequest, now: Date, fault: Fault?) -> SandboxAPIResponse {
        authenticated(request, now: now, fault: fault) { state, _ throws(SandboxAPIError) in
            SandboxHandled(body: state.pricing.body)
        }
    }

    /// `GET /health` (no auth).
    mutating func health(_ request: SandboxAPIRequest, now: Date) -> SandboxAPIResponse {
        unauthenticatedCall(request, now: now, throttled: false) { _, _ throws(SandboxAPIError) in
            ["status": "ok", "version": "1.4.0"]
        }
    }
}
