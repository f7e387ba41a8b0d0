import Core
import Foundation
import Logging
import NIOHTTP1

extension RetailDigitalsClient {
    /// One page of the products changed since `updatedSince` (all products when `nil`), oldest
    /// change first. Free, but counts against the rate limit.
    public func listChanges(
        updatedSince: Date?, page: Int, perPage: Int = 500, purpose: RequestPurpose, deadline: Duration? = nil
    ) async throws(UpstreamError) -> ListingPage {
        guard page >= 1, (1...500).contains(perPage) else {
            throw .badRequest("a listing page starts at 1 and holds 1 to 500 products")
        }
        var path = "/products?page=\(page)&per_page=\(perPage)"
        if let updatedSince { path += "&updated_since=\(Timestamp.format(updatedSince))" }
        let spec = CallSpec(
            endpoint: .listing, path: path, expectedCost: credits.pricing.listing, maxBytes: configuration.maxJSONBytes)
        let listing = try await call(spec, purpose: purpose, deadline: self.deadline(deadline)) {
            (raw, facts) throws(DecodeFailure) in try ListingPage.decode(raw.body, facts: facts)
        }
        if listing.skippedRows > 0 {
            logger.warning(
                "the listing held rows without a valid barcode; skipped", metadata: ["rows": "\(listing.skippedRows)"])
        }
        return listing
    }

    /// Checks up to 500 barcodes at once under an Idempotency-Key (20–255 characters): the same key
    /// with the same body within 24 h is replayed for free.
    public func bulkCheck(
        _ barcodes: [Barcode], idempotencyKey: String, purpose: RequestPurpose, deadline: Duration? = nil
    ) async throws(UpstreamError) -> BulkCheckResult {
        guard (1...500).contains(barcodes.count) else { throw .badRequest("a bulk-check takes 1 to 500 barcodes") }
        guard (20...255).contains(idempotencyKey.utf8.count),
            idempotencyKey.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { throw .badRequest("an Idempotency-Key is 20 to 255 printable ASCII characters") }
        let body = JSONValue.object([("barcodes", .array(barcodes.map { .string($0.digits) }))]).jsonBytes
        let expected = credits.pricing.bulkCheckPerBarcode * barcodes.count
        let spec = CallSpec(
            endpoint: .bulkCheck, method: .POST, path: "/products/bulk-check", body: body,
            extraHeaders: [("Idempotency-Key", idempotencyKey)], expectedCost: expected,
            maxBytes: configuration.maxJSONBytes)
        let result = try await call(spec, purpose: purpose, deadline: self.deadline(deadline)) {
            (raw, facts) throws(DecodeFailure) in
            try BulkCheckResult.decode(raw.body, facts: facts, expectedCost: expected)
        }
        if !result.replayed, let debited = result.creditsDebited, debited != expected {
            logger.warning(
                "upstream debited a different amount than the pricing formula gives for a bulk-check",
                metadata: ["expected": "\(expected)", "debited": "\(debited)"])
        }
        return result
    }

    /// The current balance (`GET /balance`, free). A balance above the one at a `402` lifts the stop
    /// of paid calls.
    public func balance(deadline: Duration? = nil) async throws(UpstreamError) -> Credits {
        let spec = CallSpec(endpoint: .balance, path: "/balance", expectedCost: .zero, maxBytes: 64 * 1024)
        let balance = try await call(spec, purpose: .control, deadline: self.deadline(deadline)) {
            (raw, _) throws(DecodeFailure) in try BalanceAnswer.decode(raw.body).creditBalance
        }
        credits.observeRemaining(balance)
        metrics.creditsRemaining(balance)
        return balance
    }

    /// `GET /usage?from=&to=` and `GET /account` (both free): what Retail Digitals counted per UTC
    /// day, the balance and the tier, for the operator's month-end account.
    public func usage(from: String, to: String, deadline: Duration? = nil) async throws(UpstreamError) -> UsageReport {
        let query = "from=\(from)&to=\(to)"
        let usageSpec = CallSpec(endpoint: .usage, path: "/usage?\(query)", expectedCost: .zero, maxBytes: 256 * 1024)
        let days = try await call(usageSpec, purpose: .control, deadline: self.deadline(deadline)) {
            (raw, _) throws(DecodeFailure) in try UsageReport.days(raw.body)
        }
        let accountSpec = CallSpec(endpoint: .account, path: "/account", expectedCost: .zero, maxBytes: 64 * 1024)
        let account = try await call(accountSpec, purpose: .control, deadline: self.deadline(deadline)) {
            (raw, _) throws(DecodeFailure) in try BalanceAnswer.decode(raw.body, what: "account")
        }
        return UsageReport(
            days: days, balance: account.creditBalance, tier: account.tier ?? "", clientName: account.clientName ?? "")
    }

    /// `GET /pricing`.
    func fetchPricing() async throws(UpstreamError) -> Pricing {
        let spec = CallSpec(endpoint: .pricing, path: "/pricing", expectedCost: .zero, maxBytes: 256 * 1024)
        let (pricing, missing) = try await call(spec, purpose: .control, deadline: deadline(nil)) {
            (raw, _) throws(DecodeFailure) in
            try Pricing.parse(try AnswerJSON.object(raw.body, what: "pricing"))
        }
        if !missing.isEmpty {
            logger.warning(
                "/pricing lacks some rates; the contract's are used for them",
                metadata: ["missing": "\(missing.joined(separator: ","))"])
        }
        return pricing
    }
}
