extension Migration {
    /// Every migration of the schema, in order. Append new ones at the end; never edit a shipped one.
    static let all: [Migration] = [
        .initialSchema, .syncDetails, .shelfOutbox, .freshness, .barcodeIdentity, .imageEviction, .fullListing,
        .scopeForbidden,
    ]
}
