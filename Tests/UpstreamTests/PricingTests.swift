import Core
import Testing

@testable import Upstream

@Suite("The cost formula")
struct PricingTests {
    let pricing = Pricing.contractDefaults

    @Test(
        "The seeds' examples cost what the seeds say",
        arguments: [
            // Seed 001: the full default GET of a 2-variant product costs 2.6.
            (
                [IncludeScope.productMeta, .imageMeta, .images], ImageVariant.allCases,
                [ImageVariant.front, .frontClean], "2.6"
            ),
            // Seed 004: variants=front on a 4-variant product costs 1 credit with include=images.
            ([.images], [.front], ImageVariant.allCases, "1"),
            // The POS default: product_meta + front image.
            ([.productMeta, .images], [.front], nil, "1.3"),
            // Text only.
            ([.productMeta], [.front], nil, "0.3"),
        ])
    func seedExamples(include: [IncludeScope], variants: [ImageVariant], available: [ImageVariant]?, cost: String) {
        #expect(
            pricing.productCost(include: include, variants: variants, available: available) == Credits(parsing: cost))
    }

    @Test("Variants a product lacks cost nothing; unknown availability gives an upper bound")
    func onlyExistingVariantsCost() {
        let include: [IncludeScope] = [.images]
        #expect(pricing.productCost(include: include, variants: [.front, .back], available: [.frontClean]) == .zero)
        #expect(pricing.productCost(include: include, variants: [.front, .back], available: nil) == Credits(2))
    }

    @Test("Variants cost nothing without the images scope")
    func variantsNeedImages() {
        #expect(
            pricing.productCost(include: [.productMeta, .imageMeta], variants: [.front], available: nil)
                == Credits(thousandths: 600))
    }

    @Test("/pricing is read from its actions map, missing rates falling back to the contract's")
    func parsesPricing() throws {
        let body = try JSONValue(
            parsing: #"{"pricing_model":"per_action","actions":{"products.get":0.4,"products.get.per_image":1.5,"#
                + #""products.head":0.05,"products.bulk_check.per_barcode":0.02,"products.list":0}}"#)
        let (parsed, missing) = try Pricing.parse(body)
        #expect(parsed.perScope == Credits(thousandths: 400))
        #expect(parsed.perImage == Credits(thousandths: 1500))
        #expect(parsed.bulkCheckPerBarcode == Credits(thousandths: 20))
        #expect(parsed.imageRedirect == Credits(1))
        #expect(missing == ["products.image_redirect"])
        #expect(parsed.source == .server)
        #expect(throws: DecodeFailure.contract("the pricing answer has no `actions`")) {
            try Pricing.parse(try JSONValue(parsing: #"{"formula":"x"}"#))
        }
    }

    @Test(
        "A rate that is out of range or not a number is a contract error naming the rate",
        arguments: [
            ("1e19", "is out of range"), ("-0.3", "is out of range"), ("1000000000000.001", "is out of range"),
            (#""0.3""#, "is not a number"), ("[]", "is not a number"),
            ("10,000 nines", "is out of range"),
        ])
    func hostileRate(literal: String, problem: String) throws {
        let number = literal == "10,000 nines" ? String(repeating: "9", count: 10_000) : literal
        let body = try JSONValue(parsing: #"{"actions":{"products.get":"# + number + "}}")
        do {
            _ = try Pricing.parse(body)
            Issue.record("the rate \(literal.prefix(30)) was accepted")
        } catch {
            #expect(error.reason.hasPrefix("the pricing answer's `actions.products.get` \(problem)"), "\(error)")
            #expect(error.reason.count < 200, "the message holds an excerpt of the number, not all of it")
        }
    }
}
