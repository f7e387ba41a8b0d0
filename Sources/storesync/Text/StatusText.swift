import Core
import Daemon
import Foundation
import Shelf
import Store
import Sync
import Upstream

/// `GET /v1/status` for a person: last and next sync, cache, credits and budget, auth, shelf push.
enum StatusText {
    static func render(_ status: StatusDocument, now: Date = Date()) -> String {
        var lines = ["storesync \(status.version), up \(AgeText.format(now.timeIntervalSince(status.startedAt)))"]
        lines += syncLines(status.sync)
        if let cache = status.cache {
            lines.append(
                row(
                    "cache",
                    "\(number(cache.products)) products, \(number(cache.negatives)) barcodes upstream does not have, "
                        + "\(number(cache.images)) images (\(ByteText.format(Int(cache.imageBytes))))"))
        }
        lines.append(row("disk", storageLine(status.storage)))
        lines.append(row("upstream", upstreamLine(status.upstream)))
        lines.append(row("credits", creditsLine(status.upstream)))
        if let shelf = status.shelf { lines.append(row("shelf", shelfLine(shelf))) }
        return lines.joined(separator: "\n")
    }

    private static func syncLines(_ sync: SyncStatus) -> [String] {
        var lines: [String] = []
        if let running = sync.running { lines.append(row("sync", "running: " + SyncRunText.progress(running))) }
        if let last = sync.last { lines.append(row(lines.isEmpty ? "sync" : "", "last: " + SyncRunText.summary(last))) }
        var times: [String] = []
        if let success = sync.lastSuccessAt { times.append("last success \(success)") }
        if let next = sync.nextAt { times.append("next \(Timestamp.format(next))") }
        if times.isEmpty { times.append("never synced; no sync scheduled") }
        lines.append(row(lines.isEmpty ? "sync" : "", times.joined(separator: " · ")))
        return lines
    }

    /// `1.2 GiB free (floor 64 MiB)`, or `DISK FULL: 3 MiB free (floor 64 MiB): free space under …`.
    private static func storageLine(_ storage: StorageStatus) -> String {
        let free = storage.freeBytes.map { ByteText.format(Int($0)) } ?? "unknown"
        let text = "\(free) free (storage.min_free \(ByteText.format(Int(storage.minFreeBytes))))"
        guard storage.diskFull else { return text }
        return "DISK FULL: \(text); nothing is bought until space returns: free space under \(storage.stateDir)"
    }

    private static func upstreamLine(_ upstream: StatusDocument.Upstream) -> String {
        var parts = ["auth \(upstream.auth.rawValue)"]
        if let proxy = upstream.proxy { parts.append("via proxy \(proxy)") }
        if let limit = upstream.rateLimit {
            var budget: [String] = []
            if let minute = limit.remainingMinute { budget.append("\(minute) requests left this minute") }
            if let day = limit.remainingDay { budget.append("\(day) today") }
            if !budget.isEmpty { parts.append(budget.joined(separator: ", ")) }
        }
        return parts.joined(separator: " · ")
    }

    /// `LOW: 420 left (upstream.low_credit_warning 500) · 12.6 spent today · 310.2 this month (UTC) ·
    /// about 8.4 days left at 49.9/day (7-day average)`.
    static func creditsLine(_ upstream: StatusDocument.Upstream) -> String {
        var parts: [String] = []
        if let credits = upstream.creditsRemaining {
            var text = "\(credits) left"
            if upstream.creditsLow, let threshold = upstream.lowCreditWarning {
                text = "LOW: " + text + " (below upstream.low_credit_warning \(threshold): top up the account)"
            }
            parts.append(text)
        } else {
            parts.append("balance not known yet")
        }
        parts.append("\(upstream.creditsSpentToday) spent today")
        if let month = upstream.creditsSpentMonth { parts.append("\(month) this month (UTC)") }
        if let days = upstream.creditDaysLeft, let rate = upstream.creditsDailyAverage {
            parts.append("about \(days) days left at \(rate)/day (\(upstream.creditsDailyAverageDays)-day average)")
        } else {
            parts.append("days left unknown (\(upstream.creditDaysLeftUnknownBecause ?? "no rate yet"))")
        }
        if upstream.answersLost > 0 {
            parts.append("\(upstream.creditsLost) lost with \(upstream.answersLost) answers")
        }
        return parts.joined(separator: " · ")
    }

    private static func shelfLine(_ shelf: ShelfStatus) -> String {
        var parts = ["outbox \(shelf.outboxDepth.map(number) ?? "?")"]
        if let oldest = shelf.oldestPendingAt { parts.append("oldest \(oldest)") }
        if let session = shelf.lastSession {
            var text = "last session \(session.status.rawValue)"
            if let confirmed = session.tagsConfirmed, let total = session.tagsTotal {
                text += ", \(confirmed)/\(total) tags confirmed"
            }
            parts.append(text)
        }
        parts.append("\(shelf.itemErrors.count) item errors")
        return parts.joined(separator: " · ")
    }

    static func row(_ label: String, _ value: String) -> String {
        "  " + label.padding(toLength: 9, withPad: " ", startingAt: 0) + " " + value
    }

    static func number(_ value: Int) -> String { value.formatted(.number.grouping(.automatic)) }
}

/// A sync run (`GET /v1/sync/{id}`) in one line.
enum SyncRunText {
    /// `delta #12 120/300 (40%), 150.2 credits, about 2 min left`.
    static func progress(_ run: SyncRunReport) -> String {
        var text = "\(run.mode.rawValue) #\(run.syncID) \(run.done)/\(run.total)"
        if run.total > 0 { text += " (\(run.done * 100 / run.total)%)" }
        text += ", \(run.creditsSpent) credits"
        if run.failedItems > 0 { text += ", \(run.failedItems) failed" }
        if run.state == .running, let eta = run.etaSeconds ?? nil {
            // To the nearest minute (AgeText floors, which for an estimate reads too soon).
            let shown = eta < 60 ? eta : (eta + 30) / 60 * 60
            text += ", about \(AgeText.format(TimeInterval(shown))) left"
        }
        if run.state == .paused {
            text += ", paused (\(run.reason ?? "?"))"
            if let resume = run.resumeAt ?? nil { text += " until \(Timestamp.format(resume))" }
        }
        return text
    }

    /// `delta #12 succeeded at …: 42/42, 54.6 credits`.
    static func summary(_ run: SyncRunReport) -> String {
        var text = "\(run.mode.rawValue) #\(run.syncID) \(run.state.rawValue)"
        if let finished = run.finishedAt { text += " at \(finished)" }
        text += ": \(run.done)/\(run.total), \(run.creditsSpent) credits"
        if let reason = run.reason { text += " (\(reason))" }
        return text
    }
}
