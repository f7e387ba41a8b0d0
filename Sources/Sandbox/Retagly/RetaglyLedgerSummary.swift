import Core

/// Counts over the ledger: requests per endpoint and status, and how many were injected faults.
public struct RetaglyLedgerSummary: Sendable, Hashable {
    public var requests = 0
    public var injected = 0
    /// Requests per endpoint, then per HTTP status.
    public var byEndpoint: [RetaglyEndpoint: [Int: Int]] = [:]
    /// Injected faults per kind.
    public var byFault: [RetaglyFaultKind: Int] = [:]

    public init(entries: some Sequence<RetaglyLedgerEntry>) {
        for entry in entries {
            requests += 1
            byEndpoint[entry.endpoint, default: [:]][entry.status, default: 0] += 1
            if let fault = entry.fault {
                injected += 1
                byFault[fault, default: 0] += 1
            }
        }
    }

    /// The control plane's form.
    public var json: JSONValue {
        let endpoints = byEndpoint.keys.sorted { $0.rawValue < $1.rawValue }.map { endpoint in
            let statuses = byEndpoint[endpoint, default: [:]].sorted { $0.key < $1.key }
            return (key: endpoint.rawValue, value: JSONValue.object(statuses.map { (String($0.key), .int($0.value)) }))
        }
        let faults = byFault.sorted { $0.key.rawValue < $1.key.rawValue }.map {
            (key: $0.key.rawValue, value: JSONValue.int($0.value))
        }
        return [
            "requests": .int(requests), "injected": .int(injected), "byEndpoint": .object(endpoints),
            "byFault": .object(faults),
        ]
    }
}
