import Core
import Foundation

/// `GET /v1/status` for a person: last and next sync, cache, credits and budget, auth, shelf push.
enum StatusText {
    static func render(_ status: JSONValue, now: Date = Date()) -> String {
        var lines: [String] = []
        var header = "storesync \(status["version"]?.stringValue ?? "?")"
        if let started = status["started_at"]?.stringValue.flatMap(Timestamp.parse) {
            header += ", up \(AgeText.format(now.timeIntervalSince(started)))"
        }
        lines.append(header)
        lines += syncLines(status["sync"])
        if let cache = status["cache"] {
            var text =
                "\(number(cache["products"])) products, \(number(cache["negative"])) barcodes upstream "
                + "does not have, \(number(cache["images"])) images"
            if let bytes = cache["image_bytes"]?.intValue { text += " (\(ByteText.format(bytes)))" }
            lines.append(row("cache", text))
        }
        if let storage = status["storage"], !storage.isNull { lines.append(row("disk", storageLine(storage))) }
        if let upstream = status["upstream"] {
            lines.append(row("upstream", upstreamLine(upstream)))
            lines.append(row("credits", creditsLine(upstream)))
        }
        if let shelf = status["shelf"], !shelf.isNull { lines.append(row("shelf", shelfLine(shelf))) }
        return lines.joined(separator: "\n")
    }

    private static func syncLines(_ sync: JSONValue?) -> [String] {
        guard let sync else { return [] }
        var lines: [String] = []
        if let running = sync["running"], !running.isNull {
            lines.append(row("sync", "running: " + SyncRunText.progress(running)))
        }
        if let last = sync["last"], !last.isNull {
            lines.append(row(lines.isEmpty ? "sync" : "", "last: " + SyncRunText.summary(last)))
        }
        var times: [String] = []
        if let success = sync["last_success_at"]?.stringValue { times.append("last success \(success)") }
        if let next = sync["next_at"]?.stringValue { times.append("next \(next)") }
        if times.isEmpty { times.append("never synced; no sync scheduled") }
        lines.append(row(lines.isEmpty ? "sync" : "", times.joined(separator: " · ")))
        return lines
    }

    /// `1.2 GiB free (floor 64 MiB)`, or `DISK FULL: 3 MiB free (floor 64 MiB): free space under …`.
    private static func storageLine(_ storage: JSONValue) -> String {
        let free = storage["free_bytes"]?.intValue.map(ByteText.format) ?? "unknown"
        let floor = storage["min_free_bytes"]?.intValue.map(ByteText.format) ?? "?"
        let text = "\(free) free (storage.min_free \(floor))"
        guard storage["disk_full"] == true else { return text }
        return "DISK FULL: \(text); nothing is bought until space returns: free space under "
            + (storage["state_dir"]?.stringValue ?? "the state directory")
    }

    private static func upstreamLine(_ upstream: JSONValue) -> String {
        var parts = ["auth \(upstream["auth"]?.stringValue ?? "?")"]
        if let proxy = upstream["proxy"]?.stringValue { parts.append("via proxy \(proxy)") }
        if let limit = upstream["rate_limit"], !limit.isNull {
            var budget: [String] = []
            if let minute = limit["remaining_minute"]?.intValue { budget.append("\(minute) requests left this minute") }
            if let day = limit["remaining_day"]?.intValue { budget.append("\(day) today") }
            if !budget.isEmpty { parts.append(budget.joined(separator: ", ")) }
        }
        return parts.joined(separator: " · ")
    }

    /// `LOW: 420 left (upstream.low_credit_warning 500) · 12.6 spent today · 310.2 this month (UTC) ·
    /// about 8.4 days left at 49.9/day (7-day average)`.
    static func creditsLine(_ upstream: JSONValue) -> String {
        var parts: [String] = []
        if case .number(let credits) = upstream["credits_remaining"] {
            var text = "\(credits) left"
            if upstream["credits_low"] == true, case .number(let threshold) = upstream["low_credit_warning"] {
                text = "LOW: " + text + " (below upstream.low_credit_warning \(threshold): top up the account)"
            }
            parts.append(text)
        } else {
            parts.append("balance not known yet")
        }
        if case .number(let spent) = upstream["credits_spent_today"] { parts.append("\(spent) spent today") }
        if case .number(let month) = upstream["credits_spent_month"] { parts.append("\(month) this month (UTC)") }
        if case .number(let days) = upstream["credit_days_left"],
            case .number(let rate) = upstream["credits_daily_average"]
        {
            let averaged = upstream["credits_daily_average_days"]?.intValue ?? 0
            parts.append("about \(days) days left at \(rate)/day (\(averaged)-day average)")
        } else {
            let why = upstream["credit_days_left_unknown_because"]?.stringValue ?? "no rate yet"
            parts.append("days left unknown (\(why))")
        }
        if case .number(let lost) = upstream["credits_lost"], let answers = upstream["answers_lost"]?.intValue,
            answers > 0
        {
            parts.append("\(lost) lost with \(answers) answers")
        }
        return parts.joined(separator: " · ")
    }

    private static func shelfLine(_ shelf: JSONValue) -> String {
        var parts = ["outbox \(number(shelf["outbox_depth"]))"]
        if let oldest = shelf["oldest_pending_at"]?.stringValue { parts.append("oldest \(oldest)") }
        if let session = shelf["last_session"], !session.isNull {
            var text = "last session \(session["status"]?.stringValue ?? "?")"
            if let confirmed = session["tags_confirmed"]?.intValue, let total = session["tags_total"]?.intValue {
                text += ", \(confirmed)/\(total) tags confirmed"
            }
            parts.append(text)
        }
        parts.append("\(shelf["item_errors"]?.arrayValue?.count ?? 0) item errors")
        return parts.joined(separator: " · ")
    }

    static func row(_ label: String, _ value: String) -> String {
        "  " + label.padding(toLength: 9, withPad: " ", startingAt: 0) + " " + value
    }

    static func number(_ value: JSONValue?) -> String {
        guard let value = value?.intValue else { return "?" }
        return value.formatted(.number.grouping(.automatic))
    }
}

/// A sync run (`GET /v1/sync/{id}`) in one line.
enum SyncRunText {
    /// `delta 120/300 (40%), 150.2 credits, about 2 min left`.
    static func progress(_ run: JSONValue) -> String {
        let done = run["done"]?.intValue ?? 0
        let total = run["total"]?.intValue ?? 0
        var text = "\(run["mode"]?.stringValue ?? "sync") #\(run["sync_id"]?.stringValue ?? "?") \(done)/\(total)"
        if total > 0 { text += " (\(done * 100 / total)%)" }
        if case .number(let credits) = run["credits_spent"] { text += ", \(credits) credits" }
        if let failed = run["failed_items"]?.intValue, failed > 0 { text += ", \(failed) failed" }
        if let eta = run["eta_seconds"]?.intValue, run["state"] == "running" {
            // To the nearest minute (AgeText floors, which for an estimate reads too soon).
            let shown = eta < 60 ? eta : (eta + 30) / 60 * 60
            text += ", about \(AgeText.format(TimeInterval(shown))) left"
        }
        if run["state"] == "paused" {
            text += ", paused (\(run["reason"]?.stringValue ?? "?"))"
            if let resume = run["resume_at"]?.stringValue { text += " until \(resume)" }
        }
        return text
    }

    /// `delta #12 succeeded at …: 42/42, 54.6 credits`.
    static func summary(_ run: JSONValue) -> String {
        var text =
            "\(run["mode"]?.stringValue ?? "sync") #\(run["sync_id"]?.stringValue ?? "?") "
            + (run["state"]?.stringValue ?? "?")
        if let finished = run["finished_at"]?.stringValue { text += " at \(finished)" }
        text += ": \(run["done"]?.intValue ?? 0)/\(run["total"]?.intValue ?? 0)"
        if case .number(let credits) = run["credits_spent"] { text += ", \(credits) credits" }
        if let reason = run["reason"]?.stringValue { text += " (\(reason))" }
        return text
    }
}
