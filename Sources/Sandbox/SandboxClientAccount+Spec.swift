import Core

extension SandboxClientAccount {
    /// Parses the `--client` form of `storesync sandbox`: `ID:KEY[:RPM:RPD:CREDITS]` (the three
    /// limits together or not at all; credits as a decimal such as `500` or `12.5`).
    public init(spec: String) throws(SandboxSpecError) {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 5, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw SandboxSpecError("expected ID:KEY or ID:KEY:RPM:RPD:CREDITS, got \(parts.count) field(s)")
        }
        self.init(id: parts[0], apiKey: parts[1])
        guard parts.count == 5 else { return }
        guard let rpm = Int(parts[2]), rpm > 0, let rpd = Int(parts[3]), rpd > 0 else {
            throw SandboxSpecError(
                "requests per minute and per day must be positive whole numbers in client \(parts[0])")
        }
        guard let credits = Credits(parsing: parts[4]), credits >= .zero else {
            throw SandboxSpecError("credits must be a non-negative decimal in client \(parts[0])")
        }
        requestsPerMinute = rpm
        requestsPerDay = rpd
        self.credits = credits
    }
}

/// Why a `--client` value could not be read (never echoes the api key).
public struct SandboxSpecError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
