import Core
import Foundation
import Testing

@Suite("Numbers from outside: overflow-checked and in range")
struct CheckedNumberTests {
    let counts = CheckedNumber.count

    @Test("Whole numbers are read exactly, in their accepted forms, and refused with a reason otherwise")
    func integers() throws {
        #expect(try CheckedNumber.integer("42", in: counts).get() == 42)
        #expect(try CheckedNumber.integer("+3", in: counts).get() == 3)
        #expect(try CheckedNumber.integer("3600.0", in: counts).get() == 3600)
        #expect(try CheckedNumber.integer("3.6e3", in: counts).get() == 3600)
        #expect(try CheckedNumber.integer("-0", in: counts).get() == 0)
        #expect(try CheckedNumber.integer("-9223372036854775808", in: .min ... .max).get() == .min)
        let outOfRange = NumberProblem.outOfRange(expected: "0…2147483647")
        for text in ["2147483648", "-1", "9223372036854775808", "1e19", "1e400", String(repeating: "9", count: 10_000)]
        {
            #expect(CheckedNumber.integer(text, in: counts) == .failure(outOfRange), "\(text.prefix(20))")
        }
        #expect(CheckedNumber.integer("0.5", in: counts) == .failure(.notWhole))
        for text in ["NaN", "inf", "0x10", "١٢٣", "１２", "12 3", "1_000", "e5"] {
            #expect(CheckedNumber.integer(text, in: counts) == .failure(.notANumber), "\(text)")
        }
        #expect(CheckedNumber.integer("", in: counts) == .failure(.missing))
        #expect(CheckedNumber.integer(JSONValue.null, in: counts) == .failure(.missing))
        #expect(CheckedNumber.integer(JSONValue.string("5"), in: counts) == .failure(.notANumber))
    }

    @Test("Credits are exact to the thousandth, approximated beyond, and held to ±10^12")
    func credits() throws {
        let range = Credits.plausibleRange
        #expect(try CheckedNumber.credits("497.4", in: range).get() == Credits(thousandths: 497_400))
        #expect(try CheckedNumber.credits("1.2345", in: range).get() == Credits(thousandths: 1235))
        #expect(try CheckedNumber.credits("2.5e2", in: range).get() == Credits(250))
        #expect(try CheckedNumber.credits("-1000000000000", in: range).get() == Credits(-1_000_000_000_000))
        for text in ["10000000000000000", "1e19", "1e300", "1000000000000.001", String(repeating: "9", count: 10_000)] {
            #expect(throws: NumberProblem.self, "\(text.prefix(20))") {
                try CheckedNumber.credits(text, in: range).get()
            }
        }
        #expect(throws: NumberProblem.notANumber) { try CheckedNumber.credits("NaN", in: range).get() }
    }

    @Test("Credits parsing refuses what Int64 cannot hold, and arithmetic saturates instead of trapping")
    func creditsNeverTrap() {
        #expect(Credits(parsing: "10000000000000000") == nil)
        #expect(Credits(parsing: "9223372036854775.807") == Credits(thousandths: .max))
        #expect(Credits(parsing: "9223372036854775.808") == nil)
        #expect(Credits(parsing: String(repeating: "9", count: 10_000)) == nil)
        #expect(Credits(approximating: 1e19) == nil)
        #expect(Credits(approximating: .nan) == nil)
        #expect(Credits(approximating: -.infinity) == nil)
        let top = Credits(thousandths: .max)
        #expect(top + Credits(1) == top)
        #expect(Credits(thousandths: .min) - Credits(1) == Credits(thousandths: .min))
        #expect(top * 2 == top)
        #expect(top * -2 == Credits(thousandths: .min))
        #expect(Credits(Int.max) == top)
        #expect(JSONValue.number("1e300").creditsValue == nil)
    }

    @Test("Dates, waits and durations from outside never overflow: out of range is refused or clamped")
    func datesAndDurations() {
        #expect(HTTPDate.parse("Thu, 04 Jun 99999999999999999 15:49:50 GMT") == nil)
        #expect(HTTPDate.parse("Fri, 31 Dec 9999 23:59:59 GMT") != nil)
        #expect(HTTPDate.parse("Sat, 31 Feb 2026 00:00:00 GMT") == nil)
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: .nan)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.format(unixSeconds: -1) == "1969-12-31T23:59:59Z")
        _ = Timestamp.format(unixSeconds: .min)
        #expect(HTTPDate.format(Date(timeIntervalSince1970: -1e300)).hasSuffix(" 0001 00:00:00 GMT"))
        #expect(Int64(saturating: 1e300) == .max && Int64(saturating: -.infinity) == .min)
        #expect(DurationText.parse("99999999999d") == nil)
        #expect(DurationText.parse(String(repeating: "999999999d", count: 120)) == nil)
        #expect(DurationText.format(.seconds(Int64.max)).hasSuffix("ms"))
    }

    @Test(
        "Retry-After is clamped to zero … a day; NaN or garbage is no wait",
        arguments: [
            ("120", 120.0, false), ("1.5", 1.5, false), ("1e300", 86_400, true), ("1e400", 86_400, true),
            ("-5", 0, true), ("-0", 0, false), ("86401", 86_400, true),
        ])
    func retryAfter(text: String, seconds: Double, clamped: Bool) throws {
        let parsed = try #require(RetryAfter(parsing: text, now: Date()))
        #expect(parsed.wait == .milliseconds(Int64(seconds * 1000)))
        #expect(parsed.clamped == clamped)
    }

    @Test("Retry-After as an HTTP date counts from now and is clamped the same way")
    func retryAfterDates() throws {
        let now = Date(timeIntervalSince1970: 1_782_923_400)
        #expect(RetryAfter(parsing: HTTPDate.format(now.addingTimeInterval(30)), now: now)?.wait == .seconds(30))
        #expect(RetryAfter(parsing: "Fri, 31 Dec 9999 23:59:59 GMT", now: now)?.wait == RetryAfter.maximum)
        #expect(RetryAfter(parsing: HTTPDate.format(now.addingTimeInterval(-30)), now: now)?.wait == .zero)
        for garbage in ["NaN", "soon", "", "0x10", "١٢٠"] { #expect(RetryAfter(parsing: garbage, now: now) == nil) }
    }
}
