/// The POS catalog export: UTF-8 CSV (RFC 4180 quoting, LF or CRLF) with the header
/// `barcode,name,price` and optionally `stock`, `on_sale`, `sale_price`, `unit` in any order.
///
/// A row's barcode keeps the digits it was written with (``CatalogEntry/storeBarcode``); entries are
/// keyed by the canonical barcode they read as, so two forms of one product are one entry.
///
/// Parsing never fails as a whole once the header is usable: a bad row is reported with its line
/// number and skipped; a barcode listed twice keeps its last row, with a warning.
public enum CatalogCSV {
    /// The longest `unit` accepted (Retagly's limit).
    public static let maximumUnitLength = 32

    /// A row that was skipped or a warning about the file, with the 1-based line it starts on.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The usable entries (keyed by canonical barcode) and everything that was wrong.
    public struct Parsed: Sendable {
        public var entries: [Barcode: CatalogEntry]
        public var problems: [Problem]
    }

    /// Why a file could not be used at all.
    public struct HeaderError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Parses a whole export.
    public static func parse(_ bytes: some Collection<UInt8>) throws(HeaderError) -> Parsed {
        var records = CSVRecords(bytes: Array(bytes))
        guard let header = records.next() else {
            throw HeaderError(description: "the catalog file is empty; expected a header line barcode,name,price")
        }
        let columns = try Columns(header: header.fields)
        var entries: [Barcode: CatalogEntry] = [:]
        var firstLine: [Barcode: Int] = [:]
        var problems: [Problem] = []
        while let record = records.next() {
            if record.fields.count == 1, record.fields[0].isEmpty { continue }
            if let error = record.error {
                problems.append(Problem(line: record.line, message: error))
                continue
            }
            switch columns.entry(from: record.fields) {
            case .success(let entry):
                if let earlier = firstLine[entry.barcode] {
                    problems.append(
                        Problem(
                            line: record.line,
                            message: "barcode \(entry.barcode) also on line \(earlier); this later row wins"))
                } else {
                    firstLine[entry.barcode] = record.line
                }
                entries[entry.barcode] = entry
            case .failure(let message):
                problems.append(Problem(line: record.line, message: message.description))
            }
        }
        return Parsed(entries: entries, problems: problems)
    }
}
