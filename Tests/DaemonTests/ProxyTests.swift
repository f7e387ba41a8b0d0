import Core
import Foundation
import Sandbox
import TestSupport
import Testing

/// A store network that reaches the outside only through an HTTP proxy: `upstream.proxy` (or
/// `HTTPS_PROXY`), with `NO_PROXY`, for both APIs, through a real local `CONNECT` proxy.
@Suite("Store networks: the HTTP proxy")
struct ProxyTests {
    static let password = "pr0xy-s3cret-pass"

    @Test("storesync serve tunnels both APIs through upstream.proxy with its credentials and never shows the password")
    func bothAPIsThroughTheProxy() async throws {
        try await ConnectProxy.withRunning(credentials: ("shop", Self.password)) { proxy in
            try await ServeProcessTests.withSandbox { sandbox, directory in
                try "barcode,name,price\n".write(
                    toFile: directory.appending("catalog.csv"), atomically: true, encoding: .utf8)
                var settings = ServeConfiguration(
                    directory: directory.path, retailDigitalsURL: sandbox.retailDigitalsBaseURL)
                settings["upstream.proxy"] = "\"\(proxy.url)\""
                settings["shelf.base_url"] = sandbox.retaglyBaseURL
                settings["log.level"] = "debug"
                // The first miss also fetches a token and the pricing through the tunnel: on a busy
                // machine that must not race the default 800 ms deadline.
                settings["lookup.live_timeout"] = "20s"
                let path = try settings.write(to: directory.appending("storesync.yaml"))
                let environment = ServeProcessTests.credentials.merging(["RETAGLY_TOKEN": "rt_store_sandbox"]) { $1 }
                let daemon = try ServeProcess(
                    configPath: path, environment: environment, logPath: directory.appending("daemon.log"))
                defer { daemon.send(SIGKILL) }
                let socket = settings.socketPath
                #expect(await DaemonSocket.waitUntilHealthy(socket, process: daemon, timeout: .seconds(30)))

                let walkIn = try #require(sandbox.products.first { $0.variants.contains(.front) })
                let scan = try await DaemonSocket.get(socket, "/v1/products/\(walkIn.barcode)")
                #expect(scan.status == 200 && scan.json?["source"]?.stringValue == "live", "\(daemon.log)")
                let change = #"{"products": [{"barcode": "\#(walkIn.barcode)", "name": "Tea", "price": 2.5}]}"#
                #expect(try await DaemonSocket.post(socket, "/v1/shelf/products", json: change).status == 202)
                try await eventually("Retagly to hold the change") {
                    sandbox.retagly.products(token: "rt_store_sandbox")[walkIn.barcode]?.price == Money(parsing: "2.5")
                }

                let requests = proxy.requests
                #expect(
                    requests.contains(
                        "GET /api/v1/products/\(walkIn.barcode)?include=product_meta,images&variants=front"))
                #expect(requests.contains { $0.hasPrefix("POST /api/v1/auth/token") })
                #expect(requests.contains { $0.hasPrefix("POST /retagly/") }, "\(requests)")
                #expect(proxy.tunnels >= 1 && proxy.refusals == 0)
                #expect(Set(proxy.targets) == ["127.0.0.1:\(sandbox.port)"])
                let expected = "Basic " + Data("shop:\(Self.password)".utf8).base64EncodedString()
                #expect(!proxy.authorizations.isEmpty && proxy.authorizations.allSatisfy { $0 == expected })

                let status = try #require(try await DaemonSocket.get(socket, "/v1/status").json)
                #expect(status["upstream"]?["proxy"]?.stringValue == "http://[redacted]@127.0.0.1:\(proxy.port)")
                #expect(!status.jsonText.contains(Self.password))
                daemon.send(SIGTERM)
                #expect(await daemon.waitForExit(timeout: .seconds(10)) == 0)
                #expect(!daemon.log.contains(Self.password) && !daemon.log.contains("shop:"), "\(daemon.log)")
            }
        }
    }

    @Test("A host in NO_PROXY (or upstream.no_proxy) is reached directly: the proxy sees no tunnel")
    func noProxy() async throws {
        try await ConnectProxy.withRunning { proxy in
            for (settings, environment) in [
                (["upstream.proxy": "\"\(proxy.url)\""], ["NO_PROXY": "localhost,127.0.0.1"]),
                (["upstream.proxy": "\"\(proxy.url)\"", "upstream.no_proxy": "[127.0.0.0/8]"], [:]),
            ] {
                try await RealTimeWorld.run(
                    settings: settings, environment: environment, catalog: { _ in "barcode,name,price\n" }
                ) { world in
                    let walkIn = try #require(world.sandbox.products.first { $0.variants.contains(.front) })
                    let scan = try await world.get("/v1/products/\(walkIn.barcode)")
                    #expect(scan.status == 200)
                    let status = try #require(try await world.get("/v1/status").json)
                    #expect(status["upstream"]?["proxy"]?.isNull == true)
                }
            }
            #expect(proxy.tunnels == 0 && proxy.requests.isEmpty)
        }
    }

    @Test("A proxy that is down or refuses the credentials gives 503 on a miss, and status names the proxy")
    func deadOrRefusingProxy() async throws {
        let dead = try await ConnectProxy.deadPort()
        try await RealTimeWorld.run(
            settings: ["upstream.proxy": "\"http://127.0.0.1:\(dead)\"", "lookup.live_timeout": "2s"],
            catalog: { _ in "barcode,name,price\n" }
        ) { world in
            let walkIn = try #require(world.sandbox.products.first { $0.variants.contains(.front) })
            let scan = try await world.get("/v1/products/\(walkIn.barcode)")
            #expect(scan.status == 503 && scan.json?["error"]?["code"]?.stringValue == "upstream_unavailable")
            try await eventually("status to name the proxy") {
                let upstream = try await world.get("/v1/status").json?["upstream"]
                let error = upstream?["last_error"]?.stringValue ?? ""
                return upstream?["auth"]?.stringValue == "unreachable"
                    && error.contains("connection refused (through the proxy http://127.0.0.1:\(dead))")
            }
            #expect(world.sandbox.ledger().isEmpty, "nothing reached the API")
        }
        try await ConnectProxy.withRunning(credentials: ("shop", Self.password)) { proxy in
            try await RealTimeWorld.run(
                settings: [
                    "upstream.proxy": "\"http://shop:wrong-password@127.0.0.1:\(proxy.port)\"",
                    "lookup.live_timeout": "2s",
                ],
                catalog: { _ in "barcode,name,price\n" }
            ) { world in
                let walkIn = try #require(world.sandbox.products.first { $0.variants.contains(.front) })
                #expect(try await world.get("/v1/products/\(walkIn.barcode)").status == 503)
                try await eventually("status to name the proxy") {
                    let error = try await world.get("/v1/status").json?["upstream"]?["last_error"]?.stringValue ?? ""
                    return error.contains("through the proxy http://[redacted]@127.0.0.1:\(proxy.port)")
                }
                #expect(proxy.refusals >= 1 && proxy.tunnels == 0)
                let error = try await world.get("/v1/status").json?["upstream"]?["last_error"]?.stringValue ?? ""
                #expect(!error.contains("wrong-password"))
            }
        }
    }
}
