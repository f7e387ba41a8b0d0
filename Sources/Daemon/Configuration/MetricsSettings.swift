/// `metrics.*`: what `/metrics` adds to every series.
public struct MetricsSettings: Sendable, Hashable {
    /// Constant labels on every `storesync_*` series (`metrics.labels`, e.g. `store="0042"`), in
    /// the order written; validated by ``MetricLabel/problem(name:value:)``.
    public var labels: [MetricLabel] = []

    public init() {}
}

/// One constant label of `metrics.labels`: a name by Prometheus' rules and a value.
public struct MetricLabel: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Label names storesync's own series use (and those Prometheus itself gives meaning to): a
    /// constant label of the same name would make a series carry the name twice, which Prometheus
    /// rejects. `instance` and `job` are the scrape's own (Prometheus would rename ours to
    /// `exported_instance`): set them in the scrape configuration instead.
    public static let reservedNames: Set<String> = [
        "source", "outcome", "mode", "state", "purpose", "replayed", "endpoint", "status", "window", "reason",
        "le", "quantile", "instance", "job",
    ]

    /// The most labels `metrics.labels` may hold (each one is repeated on every series).
    public static let maximumCount = 8

    /// What is wrong with a label, or `nil` when Prometheus accepts it and it collides with nothing:
    /// a name of `[a-zA-Z_][a-zA-Z0-9_]*` not starting with `__`, not reserved, and a value of 1 to
    /// 128 characters without control characters.
    public static func problem(name: String, value: String) -> String? {
        let bytes = Array(name.utf8)
        let valid =
            !bytes.isEmpty
            && bytes.enumerated().allSatisfy { index, byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                    return true
                case UInt8(ascii: "0")...UInt8(ascii: "9"): return index > 0
                default: return false
                }
            }
        guard valid else { return "label name '\(name)' must match [a-zA-Z_][a-zA-Z0-9_]*" }
        if name.hasPrefix("__") { return "label name '\(name)' starts with __ (reserved by Prometheus)" }
        if reservedNames.contains(name) {
            return "label name '\(name)' is used by storesync's own series or by Prometheus "
                + "(not one of \(reservedNames.sorted().joined(separator: ", ")))"
        }
        if value.isEmpty || value.count > 128 { return "label \(name) needs a value of 1 to 128 characters" }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "label \(name) has a control character in its value"
        }
        return nil
    }
}
