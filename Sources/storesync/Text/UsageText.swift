import Core

/// `storesync usage` for a person (a table) or a spreadsheet (CSV), from `GET /v1/usage`.
enum UsageText {
    static func render(_ document: JSONValue, csv: Bool) -> String {
        let days = document["days"]?.arrayValue ?? []
        func row(_ day: JSONValue) -> [String] {
            [
                day["date"]?.stringValue ?? "", day["requests"].map(\.jsonText) ?? "0",
                day["credits"].map(\.jsonText) ?? "0", day["ledger_credits"].map(\.jsonText) ?? "0",
            ]
        }
        let total = document["total"] ?? .null
        let totals = [
            "total", total["requests"].map(\.jsonText) ?? "0", total["credits"].map(\.jsonText) ?? "0",
            total["ledger_credits"].map(\.jsonText) ?? "0",
        ]
        if csv {
            let lines = [["date", "requests", "credits", "ledger_credits"]] + days.map(row) + [totals]
            return lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        }
        var text = "usage for \(document["month"]?.stringValue ?? "?")"
        if let name = document["client_name"]?.stringValue, !name.isEmpty { text += " (\(name))" }
        text += ": balance \(document["credit_balance"].map(\.jsonText) ?? "?") credits\n"
        let header = ["date", "requests", "credits", "storesync ledger"]
        let rows = [header] + days.map(row) + [totals]
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            text +=
                row.enumerated().map { column, cell in
                    column == 0
                        ? cell + String(repeating: " ", count: widths[column] - cell.count)
                        : String(repeating: " ", count: widths[column] - cell.count) + cell
                }.joined(separator: "  ") + "\n"
        }
        return text
    }
}
