import Daemon

/// `storesync usage` for a person (a table) or a spreadsheet (CSV), from `GET /v1/usage`.
enum UsageText {
    static func render(_ usage: UsageDocument, csv: Bool) -> String {
        let total = usage.total
        let rows =
            usage.days.map { [$0.date, "\($0.requests)", "\($0.credits)", "\($0.ledgerCredits)"] }
            + [["total", "\(total.requests)", "\(total.credits)", "\(total.ledgerCredits)"]]
        if csv {
            let lines = [["date", "requests", "credits", "ledger_credits"]] + rows
            return lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        }
        var text = "usage for \(usage.month)"
        if !usage.clientName.isEmpty { text += " (\(usage.clientName))" }
        text += ": balance \(usage.creditBalance) credits\n"
        let table = [["date", "requests", "credits", "storesync ledger"]] + rows
        let widths = (0..<4).map { column in table.map { $0[column].count }.max() ?? 0 }
        for row in table {
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
