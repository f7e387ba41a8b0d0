extension CredentialResolver {
    /// A credential without its partner is a problem; no upstream credentials at all is a warning
    /// (the daemon then serves the cache and the catalog only).
    mutating func checkPairs(_ configuration: DaemonConfiguration, _ reader: inout SettingReader) {
        let upstream = configuration.upstream
        switch (upstream.clientID, upstream.apiKey) {
        case (nil, nil):
            warnings.append(
                ConfigurationWarning(
                    subject: "upstream",
                    message: "no client id and api key (credentials rd_client_id / rd_api_key, *_file keys, "
                        + "RD_CLIENT_ID / RD_API_KEY): lookups answer from the cache and the catalog only, no sync runs"
                ))
        case (.some, nil):
            reader.record(
                ConfigurationProblem(
                    key: "upstream.api_key", value: nil, origin: nil,
                    allowed: "the client id is set but no api key: set upstream.api_key_file, RD_API_KEY or the "
                        + "rd_api_key credential"))
        case (nil, .some):
            reader.record(
                ConfigurationProblem(
                    key: "upstream.client_id", value: nil, origin: nil,
                    allowed: "the api key is set but no client id: set upstream.client_id, upstream.client_id_file, "
                        + "RD_CLIENT_ID or the rd_client_id credential"))
        case (.some, .some):
            break
        }
        let shelf = configuration.shelf
        if shelf.baseURL != nil, shelf.token == nil {
            reader.record(
                ConfigurationProblem(
                    key: "shelf.token", value: nil, origin: nil,
                    allowed: "shelf.base_url is set but no Retagly token: set shelf.token_file, RETAGLY_TOKEN or the "
                        + "retagly_token credential (or empty shelf.base_url to turn the push off)"))
        } else if shelf.baseURL == nil, shelf.token != nil {
            warnings.append(
                ConfigurationWarning(
                    subject: "shelf.base_url",
                    message: "a Retagly token is configured but shelf.base_url is empty: the shelf push stays off"))
        }
    }
}
