import Core

/// A store's Retail Digitals API client: the public client id and the secret api key.
public struct UpstreamCredentials: Sendable, CustomStringConvertible {
    /// The client id (`rd_client_…`); safe to log.
    public var clientID: String
    /// The api key (`sk_…`); never logged.
    public var apiKey: Secret

    public init(clientID: String, apiKey: Secret) {
        self.clientID = clientID
        self.apiKey = apiKey
    }

    public var description: String { "\(clientID) (api key [redacted])" }
}
