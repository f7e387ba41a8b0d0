import Core
import Foundation
import Sandbox
import Simulation
import TestSupport
import Testing

@testable import Daemon

/// `/metrics` is clean for Prometheus' own checker: every family has help text, and the store's
/// `metrics.labels` are on every series.
@Suite("Metrics help text and labels")
struct MetricsHelpTests {
    @Test("Every storesync_ metric named in Sources has help text")
    func everyNameHasHelp() throws {
        let names = try MetricNames.inSources()
        #expect(names.count > 20)
        let missing = names.subtracting(MetricsHelp.texts.keys).sorted()
        #expect(missing.isEmpty, "no help text for \(missing)")
    }

    @Test(
        "/metrics after a sync and scans has HELP before each TYPE, metrics.labels on each series, and passes promtool")
    func promtoolAccepts() async throws {
        var setup = StoreWorld.Setup()
        setup.configure = { configuration in
            configuration.metrics.labels = [MetricLabel("store", "0042"), MetricLabel("client", "rd_client \"42\"")]
        }
        let text = try await StoreWorld.run(
            setup, catalog: { sandbox in Array(sandbox.products.map(\.barcode).prefix(10)) }
        ) {
            world in
            _ = try await world.sync()
            _ = try await world.scan("017000161563")
            let response = try await SocketHTTP.request(.unix(world.socket), "GET", "/metrics")
            return String(decoding: response.body, as: UTF8.self)
        }
        let lines = text.split(separator: "\n")
        for (index, line) in lines.enumerated() where line.hasPrefix("# TYPE ") {
            #expect(index > 0 && lines[index - 1].hasPrefix("# HELP "), "\(line)")
        }
        let samples = lines.filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(samples.count > 30)
        for sample in samples {
            #expect(sample.contains(#"store="0042""#), "\(sample)")
            #expect(sample.contains(#"client="rd_client \"42\"""#), "\(sample)")
        }
        // Only the daemon's own label names and the configured ones appear.
        let names = try Regex(#"[{,]([a-zA-Z_][a-zA-Z0-9_]*)=""#)
        var seen = Set<String>()
        for sample in samples {
            for match in sample.matches(of: names) { seen.insert(String(match.output[1].substring ?? "")) }
        }
        #expect(seen.subtracting(MetricLabel.reservedNames).subtracting(["store", "client"]).isEmpty, "\(seen)")
        #expect(
            text.contains(#"storesync_upstream_low_credit_warning_credits{store="0042",client="rd_client \"42\""} 500"#)
                || text.contains(
                    #"storesync_upstream_low_credit_warning_credits{client="rd_client \"42\"",store="0042"} 500"#),
            "\(text)")
        guard let (status, report) = try await MetricNames.promtool(["check", "metrics"], input: text) else { return }
        #expect(status == 0, "promtool check metrics: \(report)")
    }

    @Test("The shipped alert rules pass promtool check rules and their own unit tests, and name only exported metrics")
    func alertRules() async throws {
        let directory = Repository.root + "/config/prometheus"
        let rules = try String(contentsOfFile: directory + "/storesync-alerts.yml", encoding: .utf8)
        let exported = try MetricNames.inSources()
        let named = Set(rules.matches(of: try Regex(#"storesync_[a-z_]+"#)).map { String(rules[$0.range]) })
        #expect(named.count >= 9)
        for name in named { #expect(MetricNames.isExported(name, in: exported), "\(name) is not exported") }
        for alert in [
            "StoresyncSyncStale", "StoresyncCreditsLow", "StoresyncDiskNearlyFull", "StoresyncUpstreamAuth",
            "StoresyncShelfOutboxGrowing", "StoresyncLookupSlow",
        ] {
            #expect(rules.contains("alert: \(alert)\n"), "\(alert) is shipped")
        }
        for arguments in [
            ["check", "rules", directory + "/storesync-alerts.yml"],
            ["test", "rules", directory + "/storesync-alerts.test.yml"],
        ] {
            guard let (status, report) = try await MetricNames.promtool(arguments) else { return }
            #expect(status == 0, "promtool \(arguments.joined(separator: " ")): \(report)")
        }
    }
}
