import Core

extension ConfigurationParser {
    static func parseSync(_ sync: inout SyncSettings, _ reader: inout SettingReader) {
        let booleans = "true or false (also yes/no, on/off, 1/0)"
        sync.enabled = reader.value("sync.enabled", allowed: booleans, parse: SettingParsers.bool) ?? sync.enabled
        sync.at =
            reader.value("sync.at", allowed: "a time HH:MM from 00:00 to 23:59") { TimeOfDay(parsing: $0) }
            ?? sync.at
        sync.timeZoneIdentifier = reader.value(
            "sync.timezone",
            allowed: "an IANA time zone such as Europe/Paris or America/New_York, or empty for "
                + "the system's", parse: SettingParsers.timeZone)
        sync.jitter =
            reader.value("sync.jitter", allowed: durationText + ", from 0s to 6h") {
                SettingParsers.duration($0, in: .zero...(.seconds(6 * 3600)))
            } ?? sync.jitter
        sync.bulkCheck =
            reader.value("sync.bulk_check", allowed: booleans, parse: SettingParsers.bool)
            ?? sync.bulkCheck
        sync.fullRefresh =
            reader.value(
                "sync.full_refresh", allowed: "off or a weekday (sunday, monday, …, saturday)"
            ) { FullRefresh(parsing: $0) } ?? sync.fullRefresh
        sync.overlap =
            reader.value("sync.overlap", allowed: durationText + ", from 0s to 7d") {
                SettingParsers.duration($0, in: .zero...(.seconds(7 * 86_400)))
            } ?? sync.overlap
        sync.retryPassDelay =
            reader.value("sync.retry_pass_delay", allowed: durationText + ", from 0s to 1h") {
                SettingParsers.duration($0, in: .zero...(.seconds(3600)))
            } ?? sync.retryPassDelay
        sync.keepScanned =
            reader.value("sync.keep_scanned", allowed: durationText + ", from 0s to 365d") {
                SettingParsers.duration($0, in: .zero...(.seconds(365 * 86_400)))
            } ?? sync.keepScanned
        sync.concurrency =
            reader.value("sync.concurrency", allowed: "a whole number from 1 to 8") {
                SettingParsers.integer($0, in: 1...8)
            } ?? sync.concurrency
    }

    static func parseShelf(_ shelf: inout ShelfSettings, _ reader: inout SettingReader) {
        shelf.baseURL = reader.value(
            "shelf.base_url",
            allowed: "an https:// URL (http:// only to 127.0.0.1, ::1 or localhost), or empty "
                + "to turn the shelf push off", parse: SettingParsers.serviceURL)
        shelf.tokenFile = reader.value(
            "shelf.token_file", allowed: "an absolute path", parse: SettingParsers.absolutePath)
        shelf.fullPush =
            reader.value("shelf.full_push", allowed: "off or a store-local time HH:MM") {
                ShelfFullPush(parsing: $0)
            } ?? shelf.fullPush
    }

    static func parseLog(_ log: inout LogSettings, _ reader: inout SettingReader) {
        log.level =
            reader.value(
                "log.level", allowed: "trace, debug, info, notice, warning, error or critical",
                parse: SettingParsers.logLevel) ?? log.level
        log.format =
            reader.value("log.format", allowed: "logfmt or json") { LogFormat(rawValue: $0.lowercased()) }
            ?? log.format
    }
}
