import Core
import Foundation

/// One request the Retagly sandbox saw, as tests prove delivery with it. Holds no token.
public struct RetaglyLedgerEntry: Sendable, Hashable {
    /// 1, 2, … in the order requests were handled.
    public var sequence: Int
    /// Sandbox time the request was handled.
    public var time: Date
    /// The store of a known token (`store-1`, …); `nil` for a missing or wrong token.
    public var store: String?
    public var endpoint: RetaglyEndpoint
    /// The session named in the body or path, if any.
    public var sessionId: String?
    /// The HTTP status answered (for a closed connection: the status the cut response announced).
    public var status: Int
    /// The error code answered, if any.
    public var errorCode: String?
    /// Whether an injected fault shaped the answer (``fault`` says which).
    public var injected: Bool { fault != nil }
    public var fault: RetaglyFaultKind?
    /// The product entries the request carried that parsed as products (barcodes canonical,
    /// exactly the fields sent); filled for `/add`, `/productUpdate` and `/batch/push` whether or
    /// not they were applied.
    public var products: [RetaglyProductChange]
    /// Whether ``products`` were applied to the store by this request (a 200 from `/add` or
    /// `/productUpdate`; batch products are applied later, see ``RetaglyWrite``).
    public var applied: Bool

    /// The control plane's form (barcodes and field names, not values).
    public var json: JSONValue {
        [
            "sequence": .int(sequence),
            "time": .string(Timestamp.format(time)),
            "store": store.map { .string($0) } ?? .null,
            "endpoint": .string(endpoint.rawValue),
            "sessionId": sessionId.map { .string($0) } ?? .null,
            "status": .int(status),
            "errorCode": errorCode.map { .string($0) } ?? .null,
            "injected": .bool(injected),
            "fault": fault.map { .string($0.rawValue) } ?? .null,
            "applied": .bool(applied),
            "products": .array(products.map(\.json)),
        ]
    }
}
