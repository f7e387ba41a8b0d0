/// How a log line is written (`log.format`).
public enum LogFormat: String, Sendable, Hashable, CaseIterable {
    /// `ts=… level=info msg="…" key=value …`
    case logfmt
    /// One JSON object per line: `{"ts":"…","level":"info","msg":"…","key":"value"}`.
    case json
}
