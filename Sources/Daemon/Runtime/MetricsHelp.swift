import Foundation

/// The `# HELP` text of every metric family storesync exports. swift-metrics' factory interface
/// has no help text, so ``annotate(_:)`` adds the lines to the exposition before it is served
/// (`promtool check metrics` rejects a family without help). A new metric gets its line here; a
/// test checks that every `storesync_…` name in `Sources/` has one.
enum MetricsHelp {
    static let texts: [String: String] = [
        "storesync_cache_image_bytes": "Bytes of product images in the image store.",
        "storesync_cache_images": "Product images in the image store.",
        "storesync_cache_negative_entries": "Barcodes remembered as unknown upstream (negative cache).",
        "storesync_cache_products": "Products in the metadata cache.",
        "storesync_disk_full_episodes_total": "Times the state directory ran short of space (storage.min_free).",
        "storesync_images_evicted_total": "Images evicted to keep the store under storage.max_image_bytes.",
        "storesync_lookup_duration_seconds": "Time to answer a socket lookup, by source and outcome.",
        "storesync_lookups_total": "Socket lookups, by source (cache, live, catalog, none) and outcome.",
        "storesync_shelf_changes_accepted_total": "Shelf-label changes accepted on the socket (answered 202).",
        "storesync_shelf_item_errors_total": "Shelf products Retagly refused, by reason.",
        "storesync_shelf_outbox_blocked": "Shelf changes held back by an item error until corrected.",
        "storesync_shelf_outbox_depth": "Shelf changes waiting to reach Retagly.",
        "storesync_shelf_outbox_oldest_age_seconds": "Age of the oldest shelf change waiting to reach Retagly.",
        "storesync_shelf_products_delivered_total": "Products Retagly confirmed, by call.",
        "storesync_shelf_requests_total": "Requests to Retagly, by call and status.",
        "storesync_shelf_sessions_total": "Retagly batch sessions, by final status.",
        "storesync_shelf_tags_confirmed_ratio": "Share of shelf displays the last batch session confirmed.",
        "storesync_socket_connections": "Open connections on the lookup socket.",
        "storesync_socket_rejected_total": "Socket requests or connections refused for a limit.",
        "storesync_state_free_bytes": "Free bytes of the filesystem holding the state directory.",
        "storesync_state_min_free_bytes": "Free space below which nothing is bought (storage.min_free).",
        "storesync_sync_bulk_checks_total": "Bulk-check calls made by syncs, replays included.",
        "storesync_sync_credits_spent_total": "Credits spent by syncs, by mode.",
        "storesync_sync_images_stored_total": "Images stored by product fetches.",
        "storesync_sync_items_fetched_total": "Product fetches, by purpose (sync, scan) and outcome.",
        "storesync_sync_last_success_timestamp_seconds": "When the last delta or full sync succeeded (0: never).",
        "storesync_upstream_auth_ok": "1 while authentication with Retail Digitals is ok, else 0.",
        "storesync_sync_listing_pages_total": "Listing pages read by syncs (free, but rate limited).",
        "storesync_sync_queue_depth": "Products waiting in the running sync's queue.",
        "storesync_sync_runs_total": "Sync runs ended, by mode and state.",
        "storesync_upstream_answers_lost_total": "Paid answers lost after they were charged, by endpoint.",
        "storesync_upstream_calls_total": "Calls to Retail Digitals, by endpoint and status.",
        "storesync_upstream_credits_debited_total": "Credits Retail Digitals debited, as its answers said.",
        "storesync_upstream_credits_lost_total": "Credits charged for answers that were lost (estimated).",
        "storesync_upstream_credits_remaining": "The account's credit balance, as upstream last said.",
        "storesync_upstream_credits_spent_month": "Credits spent this UTC month, by the daemon's own ledger.",
        "storesync_upstream_low_credit_warning_credits":
            "Balance below which credits are low (upstream.low_credit_warning; 0: off).",
        "storesync_upstream_rate_limit_remaining": "Requests left in the rate-limit window, by window.",
        "storesync_upstream_rate_limited_total": "429 answers from Retail Digitals, by endpoint.",
        "storesync_upstream_retries_total": "Retried calls to Retail Digitals, by endpoint and reason.",
    ]

    /// `text` with a `# HELP` line before each `# TYPE` line that has none.
    static func annotate(_ text: String) -> String {
        var lines: [Substring] = []
        var previous: Substring = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# TYPE "), !previous.hasPrefix("# HELP ") {
                let name = line.dropFirst("# TYPE ".count).split(separator: " ").first.map(String.init) ?? ""
                let help = texts[name] ?? "storesync metric \(name.replacingOccurrences(of: "_", with: " "))."
                lines.append("# HELP \(name) \(help)"[...])
            }
            lines.append(line)
            previous = line
        }
        return lines.joined(separator: "\n")
    }
}
