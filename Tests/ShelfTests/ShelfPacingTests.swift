import Core
import Foundation
import Testing

@testable import Shelf

@Suite("Schedule and answer classification")
struct ShelfPacingTests {
    /// A short tag of a result, for comparisons.
    private func tag(_ result: RetaglyResult) -> String {
        switch result {
        case .ok: return "ok"
        case .retry(let retryAfter, _): return "retry \(retryAfter.map { "\($0)" } ?? "-")"
        case .sessionGone(let status, let code): return "gone \(status) \(code)"
        case .itemErrors(let problems): return "items \(problems.map(\.index))"
        case .refused(let status, let code, _): return "refused \(status) \(code ?? "-")"
        }
    }

    @Test("Answers sort into success, retry, session gone, item errors and refusals")
    func classification() {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        func classify(_ status: Int, _ json: JSONValue?, retryAfter: String? = nil) -> String {
            tag(RetaglyClient.classify(status: status, json: json, retryAfter: retryAfter, now: now))
        }
        let error = { (code: String) -> JSONValue in ["error": ["code": .string(code), "message": "m"]] }
        #expect(classify(200, ["saved": 1]) == "ok")
        #expect(classify(200, nil) == "retry -")
        #expect(classify(429, error("rate_limited"), retryAfter: "7") == "retry 7.0 seconds")
        let date = HTTPDate.format(now.addingTimeInterval(20))
        #expect(classify(503, nil, retryAfter: date) == "retry 20.0 seconds")
        #expect(classify(500, error("internal_error")) == "retry -")
        #expect(classify(410, error("session_expired")) == "gone 410 session_expired")
        #expect(classify(409, error("session_completed")) == "gone 409 session_completed")
        #expect(classify(404, error("session_not_found")) == "gone 404 session_not_found")
        #expect(classify(404, nil) == "refused 404 -")
        #expect(classify(401, error("unauthorized")) == "refused 401 unauthorized")
        let items: JSONValue = [
            "error": ["code": "bad_request", "message": "m", "items": [["index": 2, "barcode": "1", "message": "x"]]]
        ]
        #expect(classify(400, items) == "items [2]")
        #expect(classify(400, error("bad_request")) == "refused 400 bad_request")
    }

    @Test("The full push runs at the next local HH:MM, catches up a missed day, and waits when it never ran")
    func schedule() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        let time = try #require(TimeOfDay(parsing: "04:30"))
        // 2026-06-01T12:00:00Z is 08:00 in New York (EDT, UTC−4): the next 04:30 is the next day.
        let noon = try #require(Timestamp.parse("2026-06-01T12:00:00Z"))
        let next = ShelfSchedule.nextRun(after: noon, at: time, timeZone: zone)
        #expect(Timestamp.format(next) == "2026-06-02T08:30:00Z")
        let early = try #require(Timestamp.parse("2026-06-01T07:00:00Z"))
        #expect(
            Timestamp.format(ShelfSchedule.nextRun(after: early, at: time, timeZone: zone)) == "2026-06-01T08:30:00Z")
        let lastRun = try #require(Timestamp.parse("2026-05-30T08:30:00Z"))
        #expect(ShelfSchedule.nextDue(lastRun: lastRun, now: noon, at: time, timeZone: zone) <= noon)
        #expect(ShelfSchedule.nextDue(lastRun: nil, now: noon, at: time, timeZone: zone) == next)
        #expect(TimeOfDay(parsing: "24:00") == nil)
        #expect(TimeOfDay(parsing: "4:5") == nil)
        #expect(TimeOfDay(parsing: "4:05")?.description == "04:05")
    }

    @Test("The store token never prints, whatever prints it")
    func tokenRedacted() {
        let token = Secret("rt_live_secret_value")
        var dumped = ""
        dump(token, to: &dumped)
        for text in ["\(token)", String(describing: token), String(reflecting: token), dumped] {
            #expect(!text.contains("secret"))
        }
        #expect(token.revealed == "rt_live_secret_value")
    }
}
