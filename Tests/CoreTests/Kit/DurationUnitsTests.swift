import Core
import Foundation
import Testing

@Suite("Duration conversions")
struct DurationUnitsTests {
    @Test("Whole milliseconds and microseconds round toward zero")
    func wholeUnits() {
        #expect(Duration.milliseconds(1500).wholeMilliseconds == 1500)
        #expect(Duration.microseconds(1999).wholeMilliseconds == 1)
        #expect(Duration.microseconds(-1999).wholeMilliseconds == -1)
        #expect(Duration.nanoseconds(2500).wholeMicroseconds == 2)
        #expect(Duration.seconds(3).wholeMicroseconds == 3_000_000)
        #expect(Duration.zero.wholeMilliseconds == 0)
    }

    @Test("A duration too long for Int64 units saturates instead of trapping")
    func saturates() {
        #expect(Duration.seconds(Int64.max).wholeMilliseconds == .max)
        #expect(Duration.seconds(Int64.min).wholeMicroseconds == .min)
    }

    @Test("Seconds as Foundation counts them, and dates moved by a duration")
    func foundation() {
        #expect(Duration.milliseconds(1500).timeInterval == 1.5)
        #expect(Duration.seconds(-2).timeInterval == -2)
        let date = Date(timeIntervalSince1970: 1_000)
        #expect(date + .milliseconds(1500) == Date(timeIntervalSince1970: 1_001.5))
        #expect(date - .seconds(10) == Date(timeIntervalSince1970: 990))
    }
}
