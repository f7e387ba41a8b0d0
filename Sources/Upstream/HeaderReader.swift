import Core
import Foundation
import NIOHTTP1

/// Reads the numbers of an answer's advisory headers with ranges, collecting a ``HeaderProblem``
/// for each value it ignores or clamps (used by ``ResponseFacts``).
struct HeaderReader {
    let headers: HTTPHeaders
    private(set) var problems: [HeaderProblem] = []

    init(headers: HTTPHeaders) { self.headers = headers }

    /// The first value of `name`, trimmed; `nil` when absent.
    func first(_ name: String) -> String? {
        headers[name].first.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// A count (`X-RateLimit-*`) within `0…Int32.max`.
    mutating func count(_ name: String) -> Int? {
        guard let text = first(name) else { return nil }
        switch CheckedNumber.integer(text, in: CheckedNumber.count) {
        case .success(let value): return Int(value)
        case .failure(let problem):
            note(name, text, problem)
            return nil
        }
    }

    /// Credits (`X-Credits-*`) within `range`.
    mutating func credits(_ name: String, in range: ClosedRange<Credits>) -> Credits? {
        guard let text = first(name) else { return nil }
        switch CheckedNumber.credits(text, in: range) {
        case .success(let value): return value
        case .failure(let problem):
            note(name, text, problem)
            return nil
        }
    }

    /// An HTTP date (`Date`); one that does not parse (or lies outside years 1…9999) is ignored.
    mutating func date(_ name: String) -> Date? {
        guard let text = first(name) else { return nil }
        guard let date = HTTPDate.parse(text) else {
            problems.append(
                HeaderProblem(header: name, message: "\(CheckedNumber.excerpt(text)) is not an HTTP date; ignored"))
            return nil
        }
        return date
    }

    /// Unix seconds (`X-RateLimit-Reset`) within `window`.
    mutating func instant(_ name: String, in window: ClosedRange<Date>) -> Date? {
        guard let text = first(name) else { return nil }
        let lower = window.lowerBound.timeIntervalSince1970
        let upper = window.upperBound.timeIntervalSince1970
        switch CheckedNumber.decimal(text, in: lower...upper) {
        case .success(let seconds): return Date(timeIntervalSince1970: seconds)
        case .failure(.outOfRange):
            note(name, text, .outOfRange(expected: "within a day of the answer's Date"))
            return nil
        case .failure(let problem):
            note(name, text, problem)
            return nil
        }
    }

    /// `Retry-After`, clamped to `0…1 day`; garbage is ignored.
    mutating func retryAfter(_ name: String, now: Date) -> Duration? {
        guard let text = first(name) else { return nil }
        guard let parsed = RetryAfter(parsing: text, now: now) else {
            problems.append(
                HeaderProblem(
                    header: name, message: "\(CheckedNumber.excerpt(text)) is neither seconds nor an HTTP date; ignored"
                ))
            return nil
        }
        if parsed.clamped {
            problems.append(
                HeaderProblem(
                    header: name,
                    message:
                        "\(CheckedNumber.excerpt(text)) is outside 0 s…1 d; \(DurationText.format(parsed.wait)) is used"
                ))
        }
        return parsed.wait
    }

    private mutating func note(_ name: String, _ text: String, _ problem: NumberProblem) {
        problems.append(HeaderProblem(header: name, message: "\(CheckedNumber.excerpt(text)) \(problem); ignored"))
    }
}
