/// Why a number read from outside the process (an upstream header or body, a configuration value)
/// was refused by ``CheckedNumber``. Descriptions complete a sentence that names the field:
/// "`pagination.total` is out of range (expected 0…2147483647)".
public enum NumberProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// Absent, empty or `null`.
    case missing
    /// Present but not a number: another JSON type, text, `NaN`, `inf`, digits that are not ASCII.
    case notANumber
    /// A number with a fraction where a whole one is needed.
    case notWhole
    /// A number outside the accepted range, which is given as text (`0…2147483647`).
    case outOfRange(expected: String)

    public var description: String {
        switch self {
        case .missing: return "is missing"
        case .notANumber: return "is not a number"
        case .notWhole: return "is not a whole number"
        case .outOfRange(let expected): return "is out of range (expected \(expected))"
        }
    }
}
