/// Why a control-plane faults document was refused.
public struct RetaglyFaultsError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
