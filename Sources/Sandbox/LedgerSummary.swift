import Core

/// Totals over the ledger: requests, 429s, and requests and credits per endpoint.
public struct LedgerSummary: Sendable, Hashable {
    public var requests = 0
    /// Answers with status 429 (real or injected).
    public var rateLimited = 0
    /// Requests whose fault was injected.
    public var injected = 0
    public var creditsTotal = Credits.zero
    /// Requests whose processed answer was lost on its way back (``LedgerEntry/answerLost``).
    public var answersLost = 0
    /// Credits charged for answers that were lost.
    public var creditsLost = Credits.zero
    /// Requests per endpoint template.
    public var requestsByEndpoint: [String: Int] = [:]
    /// Credits per endpoint template.
    public var creditsByEndpoint: [String: Credits] = [:]

    public init(_ entries: [LedgerEntry]) {
        for entry in entries {
            requests += 1
            if entry.status == 429 { rateLimited += 1 }
            if entry.injected { injected += 1 }
            creditsTotal += entry.creditsDebited
            if entry.answerLost {
                answersLost += 1
                creditsLost += entry.creditsDebited
            }
            requestsByEndpoint[entry.endpoint, default: 0] += 1
            creditsByEndpoint[entry.endpoint, default: .zero] += entry.creditsDebited
        }
    }

    /// The summary as JSON (for the control plane).
    public var json: JSONValue {
        [
            "requests": .int(requests), "rate_limited": .int(rateLimited), "injected": .int(injected),
            "credits_total": .credits(creditsTotal), "answers_lost": .int(answersLost),
            "credits_lost": .credits(creditsLost),
            "requests_by_endpoint": .object(
                requestsByEndpoint.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }),
            "credits_by_endpoint": .object(
                creditsByEndpoint.sorted { $0.key < $1.key }.map { ($0.key, .credits($0.value)) }),
        ]
    }
}
