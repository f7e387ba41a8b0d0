import Core

/// Everything a ``Sandbox`` is started with. The defaults are those of `storesync sandbox` except
/// the port, which is ephemeral (`0`) so tests can run in parallel.
public struct SandboxConfiguration: Sendable {
    /// The address to bind (loopback by default: the control plane has no auth).
    public var host = "127.0.0.1"
    /// The TCP port; `0` picks a free one (read it back from ``Sandbox/port``).
    public var port = 0
    /// How many products the generated catalog holds (the three seed barcodes included).
    public var products = 3000
    /// The catalog seed: the same `(products, seed)` and clock start give the same catalog.
    public var seed: UInt64 = 1
    /// How many pairs of the catalog's products stand behind ambiguous 8-digit codes (valid both as
    /// EAN-8 and as UPC-E), as in a real catalog: per pair one EAN-8 product and one UPC-A product
    /// whose UPC-E symbol reads as an EAN-8 too. `nil`: one pair per 250 products (none below 250).
    public var ambiguousProducts: Int?
    /// The Retail Digitals API clients.
    public var clients = [SandboxClientAccount.sandboxDefault]
    /// The per-store Retagly bearer tokens.
    public var retaglyTokens = ["rt_store_sandbox"]
    /// The clock both APIs run on.
    public var clock = SandboxClock()
    /// The seed of fault decisions (probabilities).
    public var faultSeed: UInt64 = 1
    /// How long an access token lives (`expires_in`).
    public var accessTokenLifetime: Duration = .seconds(3600)

    public init() {}
}
