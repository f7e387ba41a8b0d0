/// An iterator over RFC 4180 records: fields separated by commas, records by LF or CRLF, fields
/// optionally quoted with `"` (a doubled `""` inside is one quote; quoted fields may span lines).
/// A leading UTF-8 byte order mark is skipped.
struct CSVRecords: IteratorProtocol {
    /// One record: its fields, the line it starts on, and a problem if it was malformed.
    struct Record {
        var fields: [String]
        var line: Int
        var error: String?
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func next() -> Record? {
        guard index < bytes.count else { return nil }
        var record = Record(fields: [], line: line, error: nil)
        var field: [UInt8] = []
        var quoted = false
        var wasQuoted = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                if field.isEmpty && !wasQuoted {
                    quoted = true
                    wasQuoted = true
                } else {
                    record.error = record.error ?? "a quote inside an unquoted field; quote the whole field"
                    field.append(byte)
                }
            case UInt8(ascii: ","):
                record.fields.append(decode(field, into: &record))
                field.removeAll(keepingCapacity: true)
                wasQuoted = false
            case UInt8(ascii: "\n"):
                line += 1
                record.fields.append(decode(field, into: &record))
                return record
            case UInt8(ascii: "\r") where index < bytes.count && bytes[index] == UInt8(ascii: "\n"):
                continue
            default:
                field.append(byte)
            }
        }
        if quoted { record.error = record.error ?? "a quoted field is never closed" }
        record.fields.append(decode(field, into: &record))
        return record
    }

    private func decode(_ field: [UInt8], into record: inout Record) -> String {
        if let text = String(validating: field, as: UTF8.self) { return text }
        record.error = record.error ?? "the row is not valid UTF-8; export the catalog as UTF-8"
        return String(decoding: field, as: UTF8.self)
    }
}
