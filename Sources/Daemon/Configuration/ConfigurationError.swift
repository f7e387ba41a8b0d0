/// Every problem found while loading the configuration (not just the first), so an operator fixes
/// them all in one go. `storesync serve` prints ``description`` and exits non-zero.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order of the keys.
    public var problems: [ConfigurationProblem]

    public init(problems: [ConfigurationProblem]) { self.problems = problems }

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "invalid configuration (\(count)):\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
