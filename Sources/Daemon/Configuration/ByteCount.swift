import Core

/// Sizes in bytes as the configuration writes them: `10485760`, `512KiB`, `10MiB`, `1GiB`, `1TiB`
/// (binary), `10MB` (decimal) or `64B`.
public enum ByteCount {
    private static let units: [(suffix: String, factor: Int)] = [
        ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("TiB", 1 << 40),
        ("KB", 1000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("TB", 1_000_000_000_000), ("B", 1),
    ]

    /// Parses a byte count; `nil` if it is not digits with an optional unit (case-insensitive).
    public static func parse(_ text: some StringProtocol) -> Int? {
        let trimmed = text.trimmingSpaces
        var digits = Substring(trimmed)
        var factor = 1
        for unit in units where trimmed.lowercased().hasSuffix(unit.suffix.lowercased()) {
            digits = trimmed.dropLast(unit.suffix.count)
            factor = unit.factor
            break
        }
        let number = digits.trimmingSpaces
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(number),
            value <= Int.max / factor
        else { return nil }
        return value * factor
    }

    /// The shortest exact text: `10MiB`, `1536KiB`, `1000` (plain bytes when no binary unit divides it).
    public static func format(_ bytes: Int) -> String {
        guard bytes > 0 else { return "0" }
        for (suffix, factor) in units.prefix(4).reversed() where bytes % factor == 0 {
            return "\(bytes / factor)\(suffix)"
        }
        return "\(bytes)"
    }
}
