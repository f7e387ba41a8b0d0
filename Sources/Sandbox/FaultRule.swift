/// One fault-injection rule: what to inject, on which requests, for which client, how often.
public struct FaultRule: Sendable, Hashable {
    /// What happens.
    public var fault: Fault
    /// Which endpoints it applies to.
    public var target: FaultTarget
    /// Only requests of this client (by access token, `client_id`, refresh token or signed URL);
    /// `nil` for every client and for requests that name none.
    public var clientID: String?
    /// The chance that a matching request is hit, drawn from the sandbox's fault seed.
    public var probability: Double
    /// How many times the rule fires before it is spent; `nil` for no limit.
    public var count: Int?

    public init(
        _ fault: Fault, target: FaultTarget = .any, clientID: String? = nil, probability: Double = 1.0,
        count: Int? = nil
    ) {
        self.fault = fault
        self.target = target
        self.clientID = clientID
        self.probability = probability
        self.count = count
    }
}
