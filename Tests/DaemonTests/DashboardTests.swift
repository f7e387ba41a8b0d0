import Foundation
import TestSupport
import Testing

@testable import Daemon

/// `config/grafana/`: a dashboard for one store and one for the fleet, whose queries Prometheus
/// accepts and which name only metrics the daemon exports.
@Suite("Grafana dashboards")
struct DashboardTests {
    /// Grafana's variables, replaced by values Prometheus accepts before checking a query.
    static let variables: [(String, String)] = [
        ("$__rate_interval", "5m"), ("$__interval", "1m"), ("$__range", "1d"), ("${store}", "0042"),
        ("$store", "0042"),
    ]

    @Test("Both dashboards parse, name only exported metrics (for $store on the store's), and promtool accepts them")
    func dashboards() async throws {
        let exported = try MetricNames.inSources()
        var expressions: [String] = []
        for (file, perStore) in [("storesync-store.json", true), ("storesync-fleet.json", false)] {
            let data = try Data(contentsOf: URL(fileURLWithPath: Repository.root + "/config/grafana/" + file))
            let dashboard = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect((dashboard["uid"] as? String)?.hasPrefix("storesync-") == true, "\(file)")
            #expect(dashboard["title"] is String, "\(file)")
            let variables = ((dashboard["templating"] as? [String: Any])?["list"] as? [[String: Any]]) ?? []
            #expect(variables.contains { $0["name"] as? String == "datasource" }, "\(file)")
            if perStore {
                let store = try #require(variables.first { $0["name"] as? String == "store" }, "\(file)")
                let query = try #require(store["query"] as? String)
                for name in Self.metricNames(query) {
                    #expect(MetricNames.isExported(name, in: exported), "\(file): \(name) is not exported")
                }
            }
            let found = Self.values(of: "expr", in: dashboard)
            #expect(found.count >= 10, "\(file)")
            for expression in found {
                let names = Self.metricNames(expression)
                #expect(!names.isEmpty, "\(file): \(expression)")
                for name in names {
                    #expect(MetricNames.isExported(name, in: exported), "\(file): \(name) is not exported")
                    if perStore {
                        #expect(expression.contains(name + #"{store="$store""#), "\(file): \(name) not for $store")
                    }
                }
            }
            expressions += found
        }
        let substituted = expressions.map { expression in
            Self.variables.reduce(expression) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        }
        for expression in substituted { #expect(!expression.contains("$"), "unknown variable in \(expression)") }
        // Each query as a recording rule: `promtool check rules` parses and type-checks it.
        var rules = "groups:\n  - name: dashboards\n    rules:\n"
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes  // YAML's double quotes know no `\/`
        for (index, expression) in substituted.enumerated() {
            let quoted = String(decoding: try encoder.encode(expression), as: UTF8.self)
            rules += "      - record: storesync_dashboard:query_\(index)\n        expr: \(quoted)\n"
        }
        try await withTemporaryDirectory("dashboards") { directory in
            let path = directory.appending("dashboard-queries.yml")
            try rules.write(toFile: path, atomically: true, encoding: .utf8)
            guard let (status, report) = try await MetricNames.promtool(["check", "rules", path]) else { return }
            #expect(status == 0, "promtool check rules: \(report)")
            #expect(report.contains("SUCCESS: \(substituted.count) rules found"), "\(report)")
        }
    }

    /// Every string under `key` anywhere in `json`.
    static func values(of key: String, in json: Any) -> [String] {
        if let object = json as? [String: Any] {
            return object.flatMap { entry -> [String] in
                if entry.key == key, let text = entry.value as? String { return [text] }
                return values(of: key, in: entry.value)
            }
        }
        if let array = json as? [Any] { return array.flatMap { values(of: key, in: $0) } }
        return []
    }

    /// The `storesync_…` names a query mentions.
    static func metricNames(_ expression: String) -> Set<String> {
        Set(expression.matches(of: /storesync_[a-z_]+/).map { String(expression[$0.range]) })
    }
}
