import Core

/// Reads the numbers of an answer's JSON body with ranges (``CheckedNumber``), turning a refusal
/// into a contract ``DecodeFailure`` that names the answer and the field:
/// "the listing answer's `pagination.total` is out of range (expected 0…2147483647): 1e300".
enum AnswerNumber {
    /// A whole number within `range`.
    static func integer(
        _ value: JSONValue?, _ field: String, in range: ClosedRange<Int64>, what: String
    ) throws(DecodeFailure) -> Int {
        switch CheckedNumber.integer(value, in: range) {
        case .success(let number): return Int(number)
        case .failure(let problem): throw failure(value, field, problem, what: what)
        }
    }

    /// Credits within `range`.
    static func credits(
        _ value: JSONValue?, _ field: String, in range: ClosedRange<Credits>, what: String
    ) throws(DecodeFailure) -> Credits {
        switch CheckedNumber.credits(value, in: range) {
        case .success(let credits): return credits
        case .failure(let problem): throw failure(value, field, problem, what: what)
        }
    }

    /// Credits within `range`, or `nil` when the field is absent or `null`.
    static func optionalCredits(
        _ value: JSONValue?, _ field: String, in range: ClosedRange<Credits>, what: String
    ) throws(DecodeFailure) -> Credits? {
        if value == nil || value?.isNull == true { return nil }
        return try credits(value, field, in: range, what: what)
    }

    /// `value` (already read as a number) when it lies within `range`.
    @discardableResult
    static func check<Number: Comparable & CustomStringConvertible>(
        _ value: Number, _ field: String, in range: ClosedRange<Number>, what: String
    ) throws(DecodeFailure) -> Number {
        guard range.contains(value) else {
            throw .contract(
                "the \(what) answer's `\(field)` is out of range (expected \(range.lowerBound)…\(range.upperBound)): "
                    + CheckedNumber.excerpt(value.description))
        }
        return value
    }

    /// The contract failure for `field`, with an excerpt of the number (never of a string: it could
    /// be anything).
    static func failure(_ value: JSONValue?, _ field: String, _ problem: NumberProblem, what: String) -> DecodeFailure {
        var message = "the \(what) answer's `\(field)` \(problem)"
        if case .number(let text)? = value { message += ": \(CheckedNumber.excerpt(text))" }
        return .contract(message)
    }
}
