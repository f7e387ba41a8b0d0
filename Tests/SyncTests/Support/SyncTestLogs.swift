import Logging

/// Loggers for tests that do not read their logs.
enum SyncTestLogs {
    static let silent = Logger(label: "sync-test", factory: { _ in SwiftLogNoOpLogHandler() })
}
