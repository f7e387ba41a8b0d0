/// How an answer the API already processed (and charged) fails to reach the client: the realistic
/// fault behind a timeout, a reset or a cut `200` (see ``Fault/lostAnswer(_:)``).
public enum LostAnswer: Sendable, Hashable {
    /// Half the body is sent under the full `Content-Length`, then the connection is closed.
    case cutBody
    /// The connection is closed without any answer.
    case reset
    /// The answer is held this long before it is sent: longer than the client waits.
    case stall(Duration)

    /// The fault's name in the ledger and the control plane.
    public var name: String {
        switch self {
        case .cutBody: return "lost_cut_body"
        case .reset: return "lost_reset"
        case .stall: return "lost_stall"
        }
    }
}
