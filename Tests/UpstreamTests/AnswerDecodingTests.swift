import Core
import Foundation
import Testing

@testable import Upstream

@Suite("Decoding the API's answers")
struct AnswerDecodingTests {
    let barcode = Barcode("017000161563")!

    func facts(_ pairs: [(String, String)] = []) -> ResponseFacts { ResponseFacts(pairs: pairs) }

    @Test("A product answer keeps product_meta whole and only the non-null image URLs")
    func productAnswer() throws {
        let body = #"""
            {"barcode":"017000161563","updated_at":"2026-06-04T15:49:50Z",
             "product_meta":{"brand":"B","nutrition":null,"future_field":{"x":2.60}},
             "images":{"front":"https://h/api/v1/image/tok1","back":null,"front_clean":"/api/v1/image/tok2","back_clean":null},
             "meta":{"request_id":"req_1","credits_debited":2.3,"credits_remaining":10,"response_generated":"2026-07-02T16:30:00Z"}}
            """#
        let fetch = try ProductFetch.decode(
            Array(body.utf8), requested: barcode, facts: facts(), pricing: .contractDefaults,
            origin: "http://127.0.0.1:9")
        #expect(fetch.productMeta?["future_field"]?["x"] == .number("2.60"))
        #expect(fetch.productMeta?["nutrition"] == .null)
        #expect(fetch.imageMeta == nil)
        #expect(fetch.variants == [.front, .frontClean])
        #expect(fetch.imageURLs[.frontClean]?.url == "http://127.0.0.1:9/api/v1/image/tok2")
        #expect(fetch.expectedCost == Credits(parsing: "2.3"))
        #expect(fetch.creditsDebited == Credits(parsing: "2.3"))
        #expect(fetch.requestID == "req_1")
        #expect(fetch.serverTime == Timestamp.parse("2026-07-02T16:30:00Z"))
    }

    @Test("The X-Credits-Debited header wins over meta")
    func headerWins() throws {
        let body = #"{"barcode":"017000161563","images":{"front":null},"meta":{"credits_debited":5}}"#
        let fetch = try ProductFetch.decode(
            Array(body.utf8), requested: barcode, facts: facts([("X-Credits-Debited", "0")]),
            pricing: .contractDefaults,
            origin: "")
        #expect(fetch.creditsDebited == .zero)
        #expect(fetch.expectedCost == .zero)
    }

    @Test("A cut JSON body is malformed (retried); an answer for another barcode breaks the contract")
    func brokenProductAnswers() {
        #expect(throws: DecodeFailure.self) {
            try ProductFetch.decode(
                Array(#"{"barcode":"0170001"#.utf8), requested: barcode, facts: facts(), pricing: .contractDefaults,
                origin: "")
        }
        do {
            _ = try ProductFetch.decode(
                Array(#"{"barcode":"030772095355"}"#.utf8), requested: barcode, facts: facts(),
                pricing: .contractDefaults, origin: "")
            Issue.record("an answer for another barcode was accepted")
        } catch {
            #expect(error == .contract("the product answer is for another barcode"))
        }
        do {
            _ = try ProductFetch.decode(
                Array("<html>".utf8), requested: barcode, facts: facts(), pricing: .contractDefaults, origin: "")
            Issue.record("HTML was accepted")
        } catch {
            guard case .malformed = error else {
                Issue.record("HTML should be malformed, got \(error)")
                return
            }
        }
    }

    @Test("A listing page reads rows, pagination and the server's time, skipping invalid barcodes")
    func listingPage() throws {
        let body = #"""
            {"data":[{"barcode":"017000161563","updated_at":"2026-06-04T15:49:50Z","variants":["front","front_clean","bogus"]},
                     {"barcode":"12345","updated_at":"2026-06-04T15:49:50Z","variants":[]}],
             "pagination":{"page":2,"per_page":500,"total":1234,"total_pages":3},
             "meta":{"response_generated":"2026-07-02T16:30:00Z"}}
            """#
        let page = try ListingPage.decode(Array(body.utf8), facts: facts())
        #expect(page.items.count == 1)
        #expect(page.items[0].variants == [.front, .frontClean])
        #expect(page.items[0].updatedAtDate == Timestamp.parse("2026-06-04T15:49:50Z"))
        #expect(page.skippedRows == 1)
        #expect(page.page == 2 && page.totalPages == 3 && page.total == 1234 && page.hasMore)
        #expect(page.serverTime == Timestamp.parse("2026-07-02T16:30:00Z"))
    }

    @Test("A replayed bulk-check is recognised and costs nothing")
    func bulkCheckReplay() throws {
        let body = #"""
            {"results":[{"barcode":"017000161563","exists":true,"variants":["front"],"updated_at":"2026-06-04T15:49:50Z"},
                        {"barcode":"030772095355","exists":false,"variants":[],"updated_at":null}],
             "meta":{"credits_debited":0.02}}
            """#
        let result = try BulkCheckResult.decode(
            Array(body.utf8), facts: facts([("Idempotency-Replayed", "1"), ("X-Credits-Debited", "0")]),
            expectedCost: Credits(thousandths: 20))
        #expect(result.replayed)
        #expect(result.creditsDebited == .zero)
        #expect(result[barcode]?.exists == true)
        #expect(result[Barcode("030772095355")!]?.updatedAt == nil)
    }

    @Test("The common headers are read, Retry-After as seconds or as a date")
    func headers() {
        let read = facts([
            ("X-Request-ID", "req_9"), ("X-Credits-Debited", "1.3"), ("X-Credits-Remaining", "497.4"),
            ("X-RateLimit-Limit-Minute", "60"), ("X-RateLimit-Limit-Day", "10000"),
            ("X-RateLimit-Remaining-Minute", "58"), ("X-RateLimit-Remaining-Day", "9658"),
            ("X-RateLimit-Reset", "1783009860"), ("Date", "Thu, 02 Jul 2026 16:30:00 GMT"), ("Retry-After", "7"),
        ])
        #expect(read.requestID == "req_9")
        #expect(read.creditsRemaining == Credits(parsing: "497.4"))
        #expect(read.rateLimit.remainingMinute == 58 && read.rateLimit.remainingDay == 9658)
        #expect(read.rateLimit.reset == Date(timeIntervalSince1970: 1_783_009_860))
        #expect(read.serverDate == Date(timeIntervalSince1970: 1_783_009_800))
        #expect(read.retryAfter == .seconds(7))
        let dated = facts([("Date", "Thu, 02 Jul 2026 16:30:00 GMT"), ("Retry-After", "Thu, 02 Jul 2026 16:30:30 GMT")])
        #expect(dated.retryAfter == .seconds(30))
    }

    @Test(
        "Each status and code maps to the contract's reaction",
        arguments: [
            (200, nil, AttemptVerdict.success), (302, nil, .fail(.badResponse("unexpected status 302"))),
            (401, "token_expired", .tokenExpired), (401, "invalid_token", .tokenRejected),
            (401, "refresh_token_reused", .tokenRejected), (402, "insufficient_credits", .insufficientCredits),
            (403, "client_disabled", .clientDisabled),
            (403, "scope_forbidden", .fail(.forbidden(code: "scope_forbidden"))),
            (404, "not_found", .fail(.notFound)),
            (409, "idempotency_key_mismatch", .fail(.badRequest("409 idempotency_key_mismatch"))),
            (429, "rate_limited", .rateLimited), (500, "internal", .transient), (503, nil, .transient),
            (400, "bad_request", .fail(.badRequest("400 bad_request"))),
        ] as [(Int, String?, AttemptVerdict)])
    func verdicts(status: Int, code: String?, verdict: AttemptVerdict) {
        #expect(AttemptVerdict.classify(status: status, code: code, acceptsRedirect: false) == verdict)
    }

    @Test("A 302 is the answer only where a redirect is expected")
    func redirectAccepted() {
        #expect(AttemptVerdict.classify(status: 302, code: nil, acceptsRedirect: true) == .success)
    }
}
