import Core
import Foundation
import Logging
import Lookup
import Testing

@testable import Daemon

@Suite("Setting parsers")
struct SettingParserTests {
    @Test("Byte counts take binary and decimal units and print in the largest exact binary unit")
    func byteCounts() {
        #expect(ByteCount.parse("10MiB") == 10 << 20)
        #expect(ByteCount.parse("512kib") == 512 << 10)
        #expect(ByteCount.parse("2 GiB") == 2 << 30)
        #expect(ByteCount.parse("10MB") == 10_000_000)
        #expect(ByteCount.parse("64B") == 64)
        #expect(ByteCount.parse("1048576") == 1 << 20)
        #expect(ByteCount.parse("-1") == nil && ByteCount.parse("MiB") == nil && ByteCount.parse("1.5MiB") == nil)
        #expect(ByteCount.format(10 << 20) == "10MiB" && ByteCount.format(1536 << 10) == "1536KiB")
        #expect(ByteCount.format(1000) == "1000" && ByteCount.format(0) == "0")
    }

    @Test("Times of day are HH:MM within a day")
    func timesOfDay() {
        #expect(TimeOfDay(parsing: "03:00")?.description == "03:00")
        #expect(TimeOfDay(parsing: "3:07")?.minutesSinceMidnight == 187)
        #expect(TimeOfDay(parsing: "23:59") != nil)
        for bad in ["24:00", "12:60", "1200", "12:5", "a1:00", "-1:00", "12:00:00", ""] {
            #expect(TimeOfDay(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test("Weekdays, full refresh and full push accept names, abbreviations and off")
    func schedules() {
        #expect(Weekday(parsing: "Sunday") == .sunday && Weekday(parsing: "sat") == .saturday)
        #expect(Weekday(parsing: "su") == nil && Weekday(parsing: "funday") == nil)
        #expect(Weekday.sunday.rawValue == 0 && Weekday(daysSinceEpoch: 0) == .thursday)
        let fullRefresh = SettingNotation<Weekday?>.weekdayOrOff
        #expect(fullRefresh.value(of: "off") == .some(nil) && fullRefresh.value(of: "false") == .some(nil))
        #expect(fullRefresh.value(of: "Wednesday") == .wednesday && fullRefresh.value(of: "funday") == nil)
        let fullPush = SettingNotation<TimeOfDay?>.timeOrOff
        #expect(
            fullPush.value(of: "05:30") == TimeOfDay(hour: 5, minute: 30)! && fullPush.value(of: "none") == .some(nil))
        #expect(fullPush.value(of: "daily") == nil)
    }

    @Test("listen.tcp accepts loopback addresses only")
    func loopbackAddresses() {
        #expect(SettingParsers.loopbackAddress("127.0.0.1:8787")?.port == 8787)
        #expect(SettingParsers.loopbackAddress("localhost:1")?.host == "localhost")
        #expect(SettingParsers.loopbackAddress("[::1]:9000")?.host == "::1")
        #expect(SettingParsers.loopbackAddress("127.1.2.3:80") != nil)
        for bad in ["0.0.0.0:80", "192.168.1.5:80", "127.0.0.1", "127.0.0.1:70000", "[::]:80", "example.com:80", ":80"]
        {
            #expect(SettingParsers.loopbackAddress(bad) == nil, "\(bad)")
        }
    }

    @Test("Service URLs need https, except plain http to a loopback host")
    func serviceURLs() {
        #expect(
            SettingParsers.serviceURL("https://images.retaildigitals.com/api/v1/")
                == "https://images.retaildigitals.com/api/v1")
        #expect(SettingParsers.serviceURL("http://127.0.0.1:8780/api/v1") == "http://127.0.0.1:8780/api/v1")
        #expect(SettingParsers.serviceURL("http://localhost:8780/retagly") != nil)
        for bad in [
            "http://images.retaildigitals.com/api/v1", "ftp://x.example", "https://", "images.example/api",
            "https://x.example/api?key=1", "https://user:pw@x.example",
        ] {
            #expect(SettingParsers.serviceURL(bad) == nil, "\(bad)")
        }
    }

    @Test("Booleans, decimals, credits and log levels parse strictly")
    func scalars() {
        let bool = SettingNotation<Bool>.bool
        #expect(bool.value(of: "Yes") == true && bool.value(of: "off") == false && bool.value(of: "2") == nil)
        let decimal = SettingNotation<Double>.decimal(0...0.9)
        #expect(decimal.value(of: "0.9") == 0.9 && decimal.value(of: "0.91") == nil)
        #expect(decimal.value(of: "1e-1") == nil && decimal.value(of: "-0.1") == nil)
        let credits = SettingNotation<Credits>.credits
        #expect(credits.value(of: "12.345")?.thousandths == 12_345 && credits.value(of: "-1") == nil)
        let level = SettingNotation<Logger.Level>.logLevel
        #expect(level.value(of: "WARN") == .warning && level.value(of: "verbose") == nil)
    }
}
