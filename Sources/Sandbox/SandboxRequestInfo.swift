/// What a request hook (``Sandbox/setRequestHook(_:)``) learns about a request before the sandbox
/// processes it.
public struct SandboxRequestInfo: Sendable, Hashable {
    /// The endpoint template.
    public var endpoint: SandboxEndpoint
    public var method: String
    /// The path and query (signed-URL tokens redacted).
    public var path: String
    /// The client, when the request names one (access token, `client_id`, refresh token, signed URL).
    public var clientID: String?
    /// How many requests this endpoint has received so far, this one included (1-based).
    public var count: Int
    public var peerIP: String
}
