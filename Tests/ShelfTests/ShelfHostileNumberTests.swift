import Core
import Foundation
import Testing

@testable import Shelf

@Suite("Hostile numbers from Retagly")
struct ShelfHostileNumberTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    /// The wait a 429 with `retryAfter` asks for, if it is a retry.
    private func wait(_ retryAfter: String) -> Duration? {
        guard
            case .retry(let wait, _) = RetaglyClient.classify(status: 429, json: nil, retryAfter: retryAfter, now: now)
        else { return nil }
        return wait
    }

    @Test("A Retry-After of 1e300, 20 digits or a date in year 9999 is a day at most, never a crash")
    func retryAfterClamped() {
        #expect(wait("1e300") == .seconds(86_400))
        #expect(wait("99999999999999999999") == .seconds(86_400))
        #expect(wait("Fri, 31 Dec 9999 23:59:59 GMT") == .seconds(86_400))
        #expect(wait("Thu, 04 Jun 99999999999999999 15:49:50 GMT") == nil)
        #expect(wait("-5") == .zero)
        #expect(wait("NaN") == nil)
        #expect(wait("７") == nil)
    }

    @Test("Counts in a session status outside 0…Int32.max (1e300, -1, text) are ignored")
    func hostileCounts() throws {
        func count(_ value: JSONValue) throws -> Int? {
            let status = JSONValue.object([("status", "open"), ("productsTotal", value)])
            return try #require(RetaglyAnswer.read(RetaglyAnswer.SessionStatus.self, status)).productsTotal?.value
        }
        #expect(try count(.number("42")) == 42)
        for value: JSONValue in [.number("1e300"), .number("-1"), .number("2147483648"), .string("5"), .null] {
            #expect(try count(value) == nil, "\(value)")
        }
    }
}
