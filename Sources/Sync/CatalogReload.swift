import Core

/// What one look at the catalog file found.
public enum CatalogReload: Sendable {
    /// No catalog is configured.
    case notConfigured
    /// The file is as it was at the last look.
    case unchanged
    /// A new version was read: `entries` usable rows; `problems` rows skipped (or warned about), by line.
    case loaded(entries: Int, problems: [CatalogCSV.Problem])
    /// The file is missing or unreadable; the last good snapshot stays.
    case missing
    /// The file cannot be used at all (its header); the last good snapshot stays.
    case unusable(reason: String)
}
