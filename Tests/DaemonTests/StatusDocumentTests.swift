import Core
import Daemon
import Foundation
import Sandbox
import Shelf
import Simulation
import Store
import Sync
import TestSupport
import Testing

@testable import storesync

/// The documents the daemon writes and the CLI reads are one type each (`StatusDocument`,
/// `SyncRunReport`, `SyncStartAnswer`, `UsageDocument`): these tests pin their keys to the socket
/// API (`../shared/product.md`) and prove that what the daemon writes, the CLI reads whole.
@Suite("Status and sync documents, daemon to CLI")
struct StatusDocumentTests {
    /// A status document with every block filled, as the socket writes it (keys and order pinned).
    static let status =
        #"{"version":"0.1.0","started_at":"2026-07-02T03:00:00Z","sync":{"running":{"sync_id":"8","mode":"full","#
        + #""state":"paused","reason":"credit_cap_reached","total":300,"done":120,"failed_items":2,"#
        + #""credits_spent":150.2,"started_at":"2026-07-02T16:30:00Z","finished_at":null,"#
        + #""resume_at":"2026-07-03T00:00:00Z"},"last":{"sync_id":"7","mode":"delta","state":"succeeded","#
        + #""reason":null,"total":42,"done":42,"failed_items":0,"credits_spent":54.6,"#
        + #""started_at":"2026-07-02T03:10:00Z","finished_at":"2026-07-02T03:12:00Z"},"#
        + #""last_success_at":"2026-07-02T03:12:00Z","next_at":"2026-07-03T03:10:00Z","#
        + #""watermark":"2026-07-02T02:50:00Z"},"cache":{"products":1200,"negative":31,"images":2400,"#
        + #""image_bytes":123456789},"storage":{"state_dir":"/var/lib/storesync","free_bytes":2000000000,"#
        + #""min_free_bytes":67108864,"disk_full":false},"upstream":{"auth":"ok","credits_remaining":9996.4,"#
        + #""credits_spent_today":3.6,"credits_spent_month":40.2,"credits_daily_average":5.3,"#
        + #""credits_daily_average_days":7,"credit_days_left":1886.1,"credit_days_left_unknown_because":null,"#
        + #""low_credit_warning":null,"credits_low":false,"daily_credit_limit":500,"paid_calls_stopped":false,"#
        + #""credits_lost":1.3,"answers_lost":1,"rate_limit":{"limit_minute":60,"remaining_minute":58,"#
        + #""limit_day":10000,"remaining_day":9950,"reset_at":"2026-07-02T16:31:00Z"},"last_error":null,"#
        + #""proxy":"http://proxy.store.example:3128"},"shelf":{"#
        + #""outbox_depth":3,"oldest_pending_at":"2026-07-02T16:29:00Z","blocked":1,"last_session":{"#
        + #""session_id":"sess_1","status":"completed","phase":null,"products":1200,"tags_confirmed":1180,"#
        + #""tags_total":1200,"started_at":"2026-07-02T04:00:00Z","finished_at":"2026-07-02T04:05:00Z","#
        + #""message":null},"item_errors":[{"barcode":"04963406","message":"refused","#
        + #""at":"2026-07-02T04:05:00Z"}]},"catalog":{"path":"/etc/storesync/catalog.csv","loaded":true,"#
        + #""products":1500,"loaded_at":"2026-07-02T03:00:01Z","problems":0}}"#

    @Test(
        "The full status document reads into its type and writes back byte for byte (a key misspelt on either side fails)"
    )
    func statusRoundTrip() throws {
        let document = try JSONValueDecoder().decode(StatusDocument.self, from: Array(Self.status.utf8))
        #expect(JSONValueEncoder.json(document).jsonText == Self.status)
        #expect(document.sync.running?.resumeAt != nil)
        #expect(document.shelf?.itemErrors.first?.barcode.digits == "04963406")
        let now = try #require(Timestamp.parse("2026-07-02T17:00:00Z"))
        let text = StatusText.render(document, now: now)
        for expected in [
            "storesync 0.1.0, up 14 h",
            "running: full #8 120/300 (40%), 150.2 credits, 2 failed, paused "
                + "(credit_cap_reached) until 2026-07-03T00:00:00Z",
            "last: delta #7 succeeded at 2026-07-02T03:12:00Z: 42/42, 54.6 credits",
            "next 2026-07-03T03:10:00Z", "products, 31 barcodes upstream does not have",
            "auth ok · via proxy http://proxy.store.example:3128 · 58 requests left this minute, 9950 today",
            "9996.4 left · 3.6 spent today · 40.2 this month (UTC) · about 1886.1 days left at 5.3/day (7-day "
                + "average) · 1.3 lost with 1 answers",
            "outbox 3 · oldest 2026-07-02T16:29:00Z · last session completed, 1180/1200 tags confirmed · 1 item errors",
        ] {
            #expect(text.contains(expected), "\(expected)\n\(text)")
        }
    }

    @Test("A running run carries eta_seconds, a finished one neither it nor resume_at; a missing key is refused")
    func syncRunShapes() throws {
        let running =
            #"{"sync_id":"9","mode":"barcodes","state":"running","reason":null,"total":10,"done":4,"#
            + #""failed_items":0,"credits_spent":5.2,"started_at":"2026-07-02T16:30:00Z","finished_at":null,"#
            + #""eta_seconds":95}"#
        let report = try JSONValueDecoder().decode(SyncRunReport.self, from: Array(running.utf8))
        #expect(JSONValueEncoder.json(report).jsonText == running)
        #expect(SyncRunText.progress(report) == "barcodes #9 4/10 (40%), 5.2 credits, about 2 min left")
        let started = #"{"sync_id":"9","state":"running","joined":true,"sync":null}"#
        let answer = try JSONValueDecoder().decode(SyncStartAnswer.self, from: Array(started.utf8))
        #expect(JSONValueEncoder.json(answer).jsonText == started)
        let misspelt = running.replacingOccurrences(of: "failed_items", with: "failed_item")
        #expect(throws: DecodingError.self) {
            try JSONValueDecoder().decode(SyncRunReport.self, from: Array(misspelt.utf8))
        }
    }

    @Test("The daemon's own status, sync report and start answer read into the CLI's types without losing a key")
    func daemonToCLI() async throws {
        try await StoreWorld.run(catalog: { Array($0.products.map(\.barcode).prefix(5)) }) { world in
            let run = try await world.sync()
            let id = try #require(run["sync_id"]?.stringValue)
            for path in ["/v1/status", "/v1/sync/\(id)"] {
                let answer = try await DaemonSocket.get(world.socket, path)
                let json = try #require(answer.json, "\(path)")
                let reread =
                    path == "/v1/status"
                    ? JSONValueEncoder.json(try JSONValueDecoder().decode(StatusDocument.self, from: json))
                    : JSONValueEncoder.json(try JSONValueDecoder().decode(SyncRunReport.self, from: json))
                #expect(reread.jsonText == json.jsonText, "\(path)")
            }
            let status = try JSONValueDecoder().decode(
                StatusDocument.self, from: try #require(try await DaemonSocket.get(world.socket, "/v1/status").json))
            #expect(status.sync.last?.syncID == id)
            #expect(status.sync.last?.state == .succeeded)
            #expect(StatusText.render(status).contains("last: delta #\(id) succeeded"))
            let started = try await DaemonSocket.post(world.socket, "/v1/sync", json: #"{"mode":"delta"}"#)
            let json = try #require(started.json)
            let answer = try JSONValueDecoder().decode(SyncStartAnswer.self, from: json)
            #expect(JSONValueEncoder.json(answer).jsonText == json.jsonText)
            _ = try await world.waitForSync(answer.syncID)
        }
    }
}
