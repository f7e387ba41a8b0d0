import Logging

/// Metadata as flat `key=value` text: a dictionary becomes dotted keys (`http.status=200`), an array
/// `[a,b]`. Keys are sorted, so lines are stable and easy to grep.
enum LogMetadataFlattening {
    static func fields(_ metadata: Logger.Metadata) -> [(key: String, value: String)] {
        var out: [(key: String, value: String)] = []
        append(metadata, prefix: "", to: &out)
        return out
    }

    private static func append(
        _ metadata: Logger.Metadata, prefix: String, to out: inout [(key: String, value: String)]
    ) {
        for key in metadata.keys.sorted() {
            guard let value = metadata[key] else { continue }
            if case .dictionary(let nested) = value {
                append(nested, prefix: prefix + key + ".", to: &out)
            } else {
                out.append((prefix + key, text(value)))
            }
        }
    }

    private static func text(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let string): return string
        case .stringConvertible(let convertible): return convertible.description
        case .array(let items): return "[" + items.map(text).joined(separator: ",") + "]"
        case .dictionary(let nested):
            return "{" + nested.keys.sorted().map { "\($0)=\(text(nested[$0]!))" }.joined(separator: ",") + "}"
        }
    }
}
