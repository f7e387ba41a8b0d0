import Core
import Foundation
import Testing

@Suite("Credits, money, JSON, timestamps and durations")
struct ValueTypeTests {
    @Test("Credits add exactly where binary floats do not")
    func creditsExact() throws {
        let rate = try #require(Credits(parsing: "0.3"))
        let image = try #require(Credits(parsing: "1.0"))
        #expect((rate * 2 + image * 2).description == "2.6")
        #expect(Credits(parsing: "0.01")! * 500 == Credits(5))
        #expect((Credits(10) - Credits(parsing: "2.6")!).description == "7.4")
        #expect(Credits(parsing: "0.05")!.description == "0.05")
        #expect(Credits(approximating: 497.4)?.description == "497.4")
        #expect(Credits(parsing: "1.2345") == nil)
        #expect(Credits(parsing: "abc") == nil)
    }

    @Test("Prices parse to cents and print with two places")
    func money() {
        #expect(Money(parsing: "4.99")?.cents == 499)
        #expect(Money(parsing: "4.9")?.description == "4.90")
        #expect(Money(parsing: "5")?.jsonLiteral == "5")
        #expect(Money(parsing: "4.999") == nil)
        #expect(Money(parsing: "-1") == nil)
    }

    @Test("JSON keeps number text and key order, and compares by meaning")
    func json() throws {
        let text = #"{"b":2.60,"a":[1,null,true,"x\"y\u00e9"],"c":{"d":1e3}}"#
        let value = try JSONValue(parsing: text)
        #expect(value.jsonText == #"{"b":2.60,"a":[1,null,true,"x\"yé"],"c":{"d":1e3}}"#)
        #expect(value["b"]?.creditsValue == Credits(parsing: "2.6"))
        let reordered = try JSONValue(parsing: #"{"c":{"d":1000},"a":[1,null,true,"x\"yé"],"b":2.6}"#)
        #expect(value == reordered)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: #"{"a":1"#) }
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "[01]") }
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: String(repeating: "[", count: 300)) }
    }

    @Test("Timestamps round-trip and accept offsets, fractions and bare dates")
    func timestamps() throws {
        let date = try #require(Timestamp.parse("2026-06-04T15:49:50Z"))
        #expect(Timestamp.format(date) == "2026-06-04T15:49:50Z")
        #expect(Timestamp.parse("2026-07-02T16:30:00-04:00") == Timestamp.parse("2026-07-02T20:30:00Z"))
        #expect(Timestamp.parse("2026-07-02")! == Timestamp.parse("2026-07-02T00:00:00Z")!)
        #expect(Timestamp.parse("2026-02-30") == nil)
        #expect(Timestamp.format(unixSeconds: 0) == "1970-01-01T00:00:00Z")
        #expect(HTTPDate.format(date) == "Thu, 04 Jun 2026 15:49:50 GMT")
        #expect(HTTPDate.parse("Thu, 04 Jun 2026 15:49:50 GMT") == date)
    }

    @Test("Durations parse the configuration's units")
    func durations() {
        #expect(DurationText.parse("800ms") == .milliseconds(800))
        #expect(DurationText.parse("20m") == .seconds(1200))
        #expect(DurationText.parse("1h30m") == .seconds(5400))
        #expect(DurationText.parse("7d") == .seconds(604_800))
        #expect(DurationText.parse("5") == nil)
        #expect(DurationText.parse("5x") == nil)
        #expect(DurationText.format(.seconds(5400)) == "1h30m")
    }
}
