import Core
import Foundation
import Testing

@testable import Daemon

/// The keys a fleet needs: `metrics.labels`, `upstream.proxy` / `upstream.no_proxy` with the
/// environment's `HTTPS_PROXY` / `NO_PROXY`, and `upstream.low_credit_warning`.
@Suite("Fleet configuration: labels, proxy, low-credit warning")
struct FleetConfigurationTests {
    @Test("metrics.labels comes from the file's mapping or the environment's name=value pairs, in order")
    func labels() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let yaml = "metrics:\n  labels:\n    store: 0042\n    client: rd_client_0042\n"
        let loaded = try await loadConfiguration(yaml, environment: credentialEnvironment, in: directory)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(
            loaded.configuration.metrics.labels == [
                MetricLabel("store", "0042"), MetricLabel("client", "rd_client_0042"),
            ])
        #expect(
            loaded.configuration.effectiveConfigurationText().contains(
                "metrics:\n  labels: {store: \"0042\", client: \"rd_client_0042\"}\n"))

        var environment = credentialEnvironment
        environment["STORESYNC_METRICS_LABELS"] = "store=0007, region=north_1"
        let fromEnvironment = try await loadConfiguration(yaml, environment: environment, in: directory)
        #expect(
            fromEnvironment.configuration.metrics.labels == [
                MetricLabel("store", "0007"), MetricLabel("region", "north_1"),
            ])
        environment["STORESYNC_METRICS_LABELS"] = ""
        #expect(
            try await loadConfiguration(yaml, environment: environment, in: directory).configuration.metrics.labels
                == [])
    }

    @Test("A label Prometheus would refuse, or that collides with storesync's own or the scrape's, is a problem")
    func badLabels() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        for (labels, fragment) in [
            ("{__store: a}", "starts with __"), ("{le: a}", "used by storesync's own series"),
            ("{instance: pos1}", "used by storesync's own series"), ("{outcome: x}", "used by storesync's own series"),
            ("{store-id: a}", "must match"), ("{store: \"\"}", "1 to 128 characters"),
        ] {
            let found = await problems(
                "metrics:\n  labels: \(labels)\n", environment: credentialEnvironment, in: directory)
            #expect(found.count == 1 && found.first?.key == "metrics.labels", "\(labels): \(found)")
            #expect(found.first?.description.contains(fragment) == true, "\(labels): \(found)")
        }
        var environment = credentialEnvironment
        environment["STORESYNC_METRICS_LABELS"] = "store=1,store=2"
        let twice = await problems(nil, environment: environment, in: directory)
        #expect(twice.first?.description.contains("store appears twice") == true, "\(twice)")
        environment["STORESYNC_METRICS_LABELS"] = "store"
        let malformed = await problems(nil, environment: environment, in: directory)
        #expect(malformed.first?.description.contains("name=value") == true, "\(malformed)")
        #expect(MetricLabel.problem(name: "region_1", value: "north") == nil)
        #expect(MetricLabel.problem(name: "1region", value: "north") != nil)
        #expect(MetricLabel.problem(name: "store", value: "a\nb") != nil)
    }

    @Test("upstream.proxy reads http://user:password@host:port; its password never shows in printouts or problems")
    func proxyKey() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let yaml = "upstream:\n  proxy: http://shop:s3cr%40tpass@proxy.store.example:3128\n"
        let loaded = try await loadConfiguration(yaml, environment: credentialEnvironment, in: directory)
        let proxy = ProxyURL(
            host: "proxy.store.example", port: 3128, username: "shop", password: Secret("s3cr@tpass"))
        #expect(loaded.configuration.upstream.proxy == .url(proxy))
        let text = loaded.configuration.effectiveConfigurationText()
        #expect(text.contains("  proxy: \"http://[redacted]@proxy.store.example:3128\"\n"), "\(text)")
        #expect(!text.contains("s3cr"))
        #expect(loaded.configuration.effectiveConfigurationText(redacted: false).contains("s3cr%40tpass@"))
        #expect("\(proxy)" == "http://[redacted]@proxy.store.example:3128")

        let bad = await problems(
            "upstream:\n  proxy: https://shop:s3cretpass@proxy:3128\n", environment: credentialEnvironment,
            in: directory)
        #expect(bad.count == 1 && bad.first?.key == "upstream.proxy" && bad.first?.value == nil, "\(bad)")
        #expect(!bad.map(\.description).joined().contains("s3cretpass"))

        #expect(ProxyURL.parse("proxy:8080") == ProxyURL(host: "proxy", port: 8080))
        #expect(ProxyURL.parse("http://[fd00::1]:3128/") == ProxyURL(host: "fd00::1", port: 3128))
        #expect(ProxyURL.parse("http://proxy") == ProxyURL(host: "proxy", port: 80))
        for text in ["socks5://proxy:1080", "http://proxy:3128/path", "http://:3128", "http://proxy:99999"] {
            #expect(ProxyURL.parse(text) == nil, "\(text)")
        }
    }

    @Test(
        "The route: upstream.proxy wins over HTTPS_PROXY, NO_PROXY is honoured, loopback skips only environment proxies"
    )
    func routes() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        var environment = credentialEnvironment
        environment["HTTPS_PROXY"] = "http://env-proxy.example:3128"
        environment["http_proxy"] = "env-plain.example:8080"
        environment["NO_PROXY"] = "retagly.example,.internal.example,10.0.0.0/8"
        let api = "https://images.retaildigitals.com/api/v1"
        let fromEnvironment = try await loadConfiguration(nil, environment: environment, in: directory).configuration
        #expect(fromEnvironment.proxy(for: api) == ProxyURL(host: "env-proxy.example", port: 3128))
        #expect(fromEnvironment.proxy(for: "http://plain.example/x") == ProxyURL(host: "env-plain.example", port: 8080))
        #expect(fromEnvironment.proxy(for: "https://api.retagly.example/v1") == nil)
        #expect(fromEnvironment.proxy(for: "https://shelf.internal.example/v1") == nil)
        #expect(fromEnvironment.proxy(for: "https://10.1.2.3/v1") == nil)
        #expect(fromEnvironment.proxy(for: "http://127.0.0.1:8780/api/v1") == nil)
        #expect(fromEnvironment.proxy(for: "http://localhost:8780/api/v1") == nil)
        #expect(fromEnvironment.proxy(for: "http://[::1]:8780/api/v1") == nil)
        let note = fromEnvironment.effectiveConfigurationText()
        #expect(note.contains("# environment HTTPS_PROXY: http://env-proxy.example:3128"), "\(note)")
        #expect(note.contains("# environment NO_PROXY: retagly.example,.internal.example,10.0.0.0/8"), "\(note)")

        let configured = try await loadConfiguration(
            "upstream:\n  proxy: http://store-proxy:3128\n", environment: environment, in: directory
        ).configuration
        #expect(configured.proxy(for: api) == ProxyURL(host: "store-proxy", port: 3128))
        #expect(configured.proxy(for: "http://127.0.0.1:8780/api/v1") == ProxyURL(host: "store-proxy", port: 3128))
        #expect(configured.proxy(for: "https://api.retagly.example/v1") == nil)

        let listed = try await loadConfiguration(
            "upstream:\n  proxy: http://store-proxy:3128\n  no_proxy: [127.0.0.1, \"*.retaildigitals.com\"]\n",
            environment: environment, in: directory
        ).configuration
        #expect(listed.proxy(for: "http://127.0.0.1:8780/api/v1") == nil)
        #expect(listed.proxy(for: api) == nil)
        #expect(listed.proxy(for: "https://api.retagly.example/v1") == ProxyURL(host: "store-proxy", port: 3128))

        let none = try await loadConfiguration("upstream:\n  proxy: none\n", environment: environment, in: directory)
        #expect(none.configuration.proxy(for: api) == nil)

        var broken = credentialEnvironment
        broken["HTTPS_PROXY"] = "socks5://user:hunter2hunter@proxy:1080"
        let found = await problems(nil, environment: broken, in: directory)
        #expect(found.map(\.key) == ["upstream.proxy"] && found.first?.origin == "environment HTTPS_PROXY", "\(found)")
        #expect(!found.map(\.description).joined().contains("hunter2"))
        #expect(await problems("upstream: {proxy: none}\n", environment: broken, in: directory).isEmpty)
    }

    @Test("NO_PROXY entries: *, domains with their subdomains, IPs, CIDR blocks and ports")
    func noProxyMatching() throws {
        let list = try #require(
            NoProxyList(text: "example.com, *.corp.example, .shop.example, 192.168.0.0/16, fd00::/8, api.example:8443"))
        #expect(list.matches(host: "example.com", port: 443) && list.matches(host: "www.example.com", port: 443))
        #expect(!list.matches(host: "badexample.com", port: 443))
        #expect(list.matches(host: "a.corp.example", port: 443) && list.matches(host: "corp.example", port: 443))
        #expect(list.matches(host: "x.shop.example", port: 80))
        #expect(list.matches(host: "192.168.4.5", port: 443) && !list.matches(host: "192.169.0.1", port: 443))
        #expect(list.matches(host: "[fd00::17]", port: 443) && !list.matches(host: "fe80::1", port: 443))
        #expect(list.matches(host: "api.example", port: 8443) && !list.matches(host: "api.example", port: 443))
        #expect(try #require(NoProxyList(text: "*")).matches(host: "anything.example", port: 1))
        #expect(NoProxyList(text: "10.0.0.0/33") == nil && NoProxyList(text: "bad host") == nil)
    }

    @Test("upstream.low_credit_warning defaults to 500 credits, takes decimals, and 0 turns it off")
    func lowCreditWarning() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        #expect(
            try await loadConfiguration(nil, environment: credentialEnvironment, in: directory).configuration
                .upstream.lowCreditWarning == Credits(500))
        let set = try await loadConfiguration(
            "upstream: {low_credit_warning: 12.5}\n", environment: credentialEnvironment, in: directory)
        #expect(set.configuration.upstream.lowCreditWarning == Credits(thousandths: 12_500))
        let off = try await loadConfiguration(
            "upstream: {low_credit_warning: 0}\n", environment: credentialEnvironment, in: directory)
        #expect(off.configuration.upstream.lowCreditWarning == .zero)
        #expect(
            await problems("upstream: {low_credit_warning: -3}\n", environment: credentialEnvironment, in: directory)
                .map(\.key) == ["upstream.low_credit_warning"])
    }
}
