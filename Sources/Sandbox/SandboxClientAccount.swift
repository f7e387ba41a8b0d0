import Core

/// One Retail Digitals API client the sandbox knows (seed 000: one client per store).
///
/// The values are the account's starting state; ``Sandbox`` keeps the live balance and flags and
/// lets tests change them with ``Sandbox/setCredits(_:_:)`` and ``Sandbox/setClientDisabled(_:_:)``.
public struct SandboxClientAccount: Sendable, Hashable, Encodable {
    /// The public client identifier (`rd_client_…`).
    public var id: String
    /// The secret api key (`sk_test_…`). Never logged.
    public var apiKey: String
    /// The per-minute request budget (fixed windows aligned to the minute).
    public var requestsPerMinute: Int
    /// The per-UTC-day request budget.
    public var requestsPerDay: Int
    /// The starting credit balance.
    public var credits: Credits
    /// The account tier reported by `/balance` and `/account`.
    public var tier: String
    /// The human name reported by `/account` as `client_name`.
    public var name: String
    /// Peer IPs allowed to call; empty means any IP (`403 ip_not_allowed` otherwise).
    public var ipAllowlist: [String]
    /// Brands the client may see; `nil` means the full catalog (`403 scope_forbidden` otherwise).
    public var brandScope: [String]?
    /// A disabled (offboarded) client gets `403 client_disabled`, on `/auth/token` too.
    public var disabled: Bool

    /// Creates an account with the standard tier defaults (60 rpm, 10,000 rpd, 10,000 credits).
    public init(
        id: String, apiKey: String, requestsPerMinute: Int = 60, requestsPerDay: Int = 10_000,
        credits: Credits = Credits(10_000)
    ) {
        self.id = id
        self.apiKey = apiKey
        self.requestsPerMinute = requestsPerMinute
        self.requestsPerDay = requestsPerDay
        self.credits = credits
        self.tier = "standard"
        self.name = "pos-\(id)"
        self.ipAllowlist = []
        self.brandScope = nil
        self.disabled = false
    }

    /// The account `storesync sandbox` and `storesync demo` start with:
    /// `rd_client_sandbox` / `sk_test_sandbox`, standard tier.
    public static let sandboxDefault = SandboxClientAccount(id: "rd_client_sandbox", apiKey: "sk_test_sandbox")

    /// The account as the control plane shows it (without the api key).
    public var json: JSONValue { JSONValueEncoder.json(self) }

    enum CodingKeys: String, CodingKey {
        case id = "client_id", name = "client_name", tier, credits = "credit_balance", requestsPerMinute
        case requestsPerDay, disabled, ipAllowlist, brandScope
    }
}
