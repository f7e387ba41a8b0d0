extension ReadableConnection {
    /// The rows of `PRAGMA integrity_check` other than `ok`: empty when the database file is sound.
    public func integrityProblems() throws -> [String] {
        try DatabaseOpener.integrityProblems(sqlite)
    }
}
