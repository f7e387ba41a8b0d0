import Core
import Foundation
import Simulation

/// `scripts/bench-days`: a simulated store month against the sandbox, printed day by day.
@main
struct BenchDays {
    static func main() async throws {
        var setup = StoreMonth.Setup()
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--days": setup.days = Int(arguments.next() ?? "") ?? setup.days
            case "--catalog": setup.catalog = Int(arguments.next() ?? "") ?? setup.catalog
            case "--scans": setup.scansPerDay = Int(arguments.next() ?? "") ?? setup.scansPerDay
            case "--seed": setup.seed = UInt64(arguments.next() ?? "") ?? setup.seed
            default:
                FileHandle.standardError.write(
                    Data("usage: bench-days [--days N] [--catalog N] [--scans N] [--seed S]\n".utf8))
                exit(64)
            }
        }
        say(
            "A store month: \(setup.days) days, \(setup.catalog) catalog products of \(setup.products) upstream, "
                + "\(setup.scansPerDay) scans a day, every \(setup.failEvery)th night failing")
        say("day | night         | credits | minimum | ratio | requests/budget | fresh carried scans | wrong")
        say("----|---------------|---------|---------|-------|-----------------|---------------------|------")
        let days = try await StoreMonth.run(setup) { day in say(row(day)) }
        let total = days.dropFirst()
        let credits = total.reduce(0) { $0 + $1.credits.thousandths }
        let minimum = total.reduce(0) { $0 + $1.minimum.thousandths }
        let ratio = minimum == 0 ? (credits == 0 ? 1 : Double.infinity) : Double(credits) / Double(minimum)
        let requests = total.reduce(0) { $0 + $1.requests }
        let afterGood = total.filter { $0.night.hasPrefix("ok") }
        let worstFresh = afterGood.map(\.freshShare).min() ?? 1
        say(
            "days 1–\(setup.days): credits \(text(credits)) ÷ minimum \(text(minimum)) = "
                + String(format: "%.2f", ratio) + "; requests \(requests) ÷ budget \(setup.days * 10_000) = "
                + String(format: "%.4f", Double(requests) / Double(setup.days * 10_000))
                + "; fresh carried scans after every successful night ≥ " + String(format: "%.1f %%", worstFresh * 100)
                + "; days with wrong products: \(total.filter { $0.wrong > 0 }.count)")
        let worstDay = total.map(\.costRatio).max() ?? 1
        if worstDay > 1.0001 || total.contains(where: { $0.wrong > 0 }) { exit(1) }
    }

    static func row(_ day: StoreDay) -> String {
        let ratio = day.costRatio.isFinite ? String(format: "%.2f", day.costRatio) : "inf"
        return [
            String(format: "%3d", day.day), day.night.padding(toLength: 13, withPad: " ", startingAt: 0),
            text(day.credits.thousandths).leftPadded(7), text(day.minimum.thousandths).leftPadded(7),
            ratio.leftPadded(5),
            "\(day.requests)/\(day.budget) (\(String(format: "%.3f", Double(day.requests) / Double(day.budget))))"
                .leftPadded(15),
            "\(day.freshCarriedScans)/\(day.carriedScans) (\(String(format: "%.1f %%", day.freshShare * 100)))"
                .leftPadded(19),
            "\(day.wrong)".leftPadded(5),
        ].joined(separator: " | ")
    }

    /// Writes a line to stdout at once (a pipe or a file sees each day as it ends).
    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    static func text(_ thousandths: Int64) -> String { String(format: "%.2f", Double(thousandths) / 1000) }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
