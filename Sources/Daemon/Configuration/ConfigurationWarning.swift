/// Something the daemon can run with but the operator should fix: an unknown (misspelt) key, a
/// credential file others can read, a catalog file that is missing, upstream credentials not set.
public struct ConfigurationWarning: Sendable, Hashable, CustomStringConvertible {
    /// The dotted key, environment variable or file the warning is about.
    public var subject: String
    /// What is wrong and what to do.
    public var message: String

    public init(subject: String, message: String) {
        self.subject = subject
        self.message = message
    }

    public var description: String { "\(subject): \(message)" }
}
