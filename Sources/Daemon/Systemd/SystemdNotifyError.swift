/// A notification could not be sent to systemd (the socket is gone, or the message too long).
public struct SystemdNotifyError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
