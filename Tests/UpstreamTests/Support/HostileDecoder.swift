import Core
import Foundation
import Testing

@testable import Upstream

/// One reader of upstream answers under fuzz: it builds a mutated input from a seeded generator,
/// runs the reader, and checks that it either refused (threw, or ignored the value) or accepted
/// values within their ranges. A trap would end the test process: running is the proof.
enum HostileDecoder: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case pricing, token, product, listing, bulkCheck, balance, errorBody, headers, retryAfter, creditHeaders

    var testDescription: String { rawValue }

    /// What one mutation gave.
    enum Verdict: Equatable {
        case accepted
        case refused
        /// The reader accepted a value outside its range (the message says which).
        case violated(String)
    }

    static let barcode = Barcode("017000161563")!
    static let credits = Credits.plausibleRange

    /// Runs one mutation drawn from `random`.
    func run(_ random: inout SeededRandom) -> Verdict {
        switch self {
        case .pricing: return body(HostileBodies.pricing, HostileBodies.pricingFields, &random, checkPricing)
        case .token: return body(HostileBodies.token, HostileBodies.tokenFields, &random, checkToken)
        case .product: return body(HostileBodies.product, HostileBodies.productFields, &random, checkProduct)
        case .listing: return body(HostileBodies.listing, HostileBodies.listingFields, &random, checkListing)
        case .bulkCheck: return body(HostileBodies.bulkCheck, HostileBodies.bulkCheckFields, &random, checkBulk)
        case .balance: return body(HostileBodies.balance, HostileBodies.balanceFields, &random, checkBalance)
        case .errorBody:
            let bytes = HostileBodies.mutate(HostileBodies.errorBody, fields: HostileBodies.errorFields, &random)
            return ErrorDocument(bytes)?.error.code == nil ? .refused : .accepted
        case .headers: return HostileHeaders.check(HostileHeaders.all(&random))
        case .retryAfter: return HostileHeaders.check(HostileHeaders.retryAfter(&random))
        case .creditHeaders: return HostileHeaders.check(HostileHeaders.credits(&random))
        }
    }

    private func body(
        _ template: JSONValue, _ fields: [[String]], _ random: inout SeededRandom,
        _ check: ([UInt8]) throws(DecodeFailure) -> String?
    ) -> Verdict {
        let bytes = HostileBodies.mutate(template, fields: fields, &random)
        do throws(DecodeFailure) {
            return try check(bytes).map(Verdict.violated) ?? .accepted
        } catch {
            return .refused
        }
    }

    private func checkPricing(_ bytes: [UInt8]) throws(DecodeFailure) -> String? {
        let (pricing, _) = try Pricing.parse(try AnswerJSON.object(bytes, what: "pricing"))
        let rates = [
            pricing.perScope, pricing.perImage, pricing.head, pricing.bulkCheckPerBarcode, pricing.imageRedirect,
            pricing.listing,
        ]
        return rates.allSatisfy(Credits.plausibleAmounts.contains) ? nil : "a rate out of range: \(rates)"
    }

    private func checkToken(_ bytes: [UInt8]) throws(DecodeFailure) -> String? {
        let issued = try IssuedTokens(body: bytes)
        _ = issued.persisted(requestedAt: Date())
        return (1...31_536_000).contains(issued.expiresIn) ? nil : "expires_in \(issued.expiresIn)"
    }

    private func checkProduct(_ bytes: [UInt8]) throws(DecodeFailure) -> String? {
        let fetch = try ProductFetch.decode(
            bytes, requested: Self.barcode, facts: ResponseFacts(pairs: []), pricing: .contractDefaults, origin: "")
        _ = fetch.serverTime.map(Timestamp.format)
        if let debited = fetch.creditsDebited, !Credits.plausibleAmounts.contains(debited) {
            return "credits_debited \(debited)"
        }
        return nil
    }

    private func checkListing(_ bytes: [UInt8]) throws(DecodeFailure) -> String? {
        let page = try ListingPage.decode(bytes, facts: ResponseFacts(pairs: []))
        let counts = [page.page, page.perPage, page.total, page.totalPages]
        _ = page.items.compactMap(\.updatedAtDate).map(Timestamp.format)
        _ = page.hasMore
        return counts.allSatisfy { (0...Int(Int32.max)).contains($0) } ? nil : "pagination \(counts)"
    }

    private func checkBulk(_ bytes: [UInt8]) throws(DecodeFailure) -> String? {
        let result = try BulkCheckResult.decode(bytes, facts: ResponseFacts(pairs: []), expectedCost: Credits(5))
        if let debited = result.creditsDebited, !Credits.plausibleAmounts.contains(debited) {
            return "credits_debited \(debited)"
        }
        return nil
    }

    private func checkBalance(_ bytes: [UInt8]) throws(DecodeFailure) -> String? {
        let balance = try BalanceAnswer.decode(bytes).creditBalance
        return Self.credits.contains(balance) ? nil : "credit_balance \(balance)"
    }
}
