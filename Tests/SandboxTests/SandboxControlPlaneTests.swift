import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@Suite("Sandbox control plane under /_sandbox")
struct SandboxControlPlaneTests {
    @Test("The clock, catalog, faults, clients, ledger and ground truth can be driven over HTTP")
    func controlPlane() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let control = SandboxTestClient(baseURL: "http://127.0.0.1:\(sandbox.port)/_sandbox")
            let overview = try await control.send(.GET, "")
            #expect(overview.json?["retail_digitals"]?.stringValue == sandbox.retailDigitalsBaseURL)
            let advanced = try await control.send(.POST, "/clock/advance", json: ["seconds": 90])
            #expect(advanced.json?["now"]?.stringValue == "2026-07-02T16:31:30Z")

            let truth = try #require(
                try await control.send(.GET, "/products/017000161563?client=rd_client_sandbox").json)
            #expect(
                truth["images"]?["front"]?["sha256"]?.stringValue
                    == sandbox.imageSHA256(barcode: "017000161563", variant: .front, clientID: "rd_client_sandbox"))
            let updated = try await control.send(.POST, "/products/017000161563/update", json: ["change_images": true])
            #expect(updated.json?["updated_at"]?.stringValue == "2026-07-02T16:31:30Z")
            #expect(sandbox.product("017000161563")?.imageVersions[.front] == 2)
            let added = try #require(try await control.send(.POST, "/products", json: ["variants": ["front"]]).json)
            let barcode = try #require(added["barcode"]?.stringValue)
            #expect(try await control.send(.DELETE, "/products/\(barcode)").status == 200)
            #expect(sandbox.product(barcode) == nil)

            let rule = try await control.send(
                .POST, "/faults", json: ["fault": "server_error", "status": 502, "target": "product_get", "count": 1])
            #expect(rule.status == 200)
            #expect(sandbox.faults.rules.first?.target == .productGet)
            let tokens = try await client.token()
            #expect(try await client.send(.GET, "/products/017000161563", token: tokens.access).status == 502)
            #expect(try await control.send(.POST, "/faults", json: ["fault": "earthquake"]).status == 400)
            #expect(try await control.send(.DELETE, "/faults").status == 200)

            let account = try await control.send(
                .POST, "/clients/rd_client_sandbox",
                json: [
                    "credits": "12.5", "disabled": true, "requests_per_minute": 30, "brand_scope": ["Example Brand"],
                ])
            #expect(sandbox.account("rd_client_sandbox")?.requestsPerMinute == 30)
            #expect(sandbox.account("rd_client_sandbox")?.brandScope == ["Example Brand"])
            #expect(account.json?["credit_balance"]?.jsonText == "12.5")
            #expect(sandbox.credits(of: "rd_client_sandbox") == Credits(thousandths: 12_500))
            #expect(try await client.send(.GET, "/balance", token: tokens.access).errorCode == "client_disabled")

            let ledger = try #require(try await control.send(.GET, "/ledger?limit=2").json?.arrayValue)
            #expect(ledger.count == 2)
            #expect(ledger.last?["error_code"]?.stringValue == "client_disabled")
            let summary = try #require(try await control.send(.GET, "/ledger/summary").json)
            #expect(summary["requests"]?.intValue == sandbox.ledger().count)
            #expect(summary["requests_by_endpoint"]?["POST /auth/token"]?.intValue == 1)
        }
    }

    @Test("A sandbox that cannot bind its port fails to start instead of hanging")
    func bindFailure() async throws {
        try await SandboxTesting.withSandbox(SandboxTesting.configuration(products: 3)) { sandbox, _ in
            var taken = SandboxTesting.configuration(products: 3)
            taken.port = sandbox.port
            await #expect(throws: (any Error).self) {
                try await Sandbox.withRunning(taken, logger: SandboxTesting.logger) { _ in }
            }
        }
    }

    @Test("Accepted sockets have TCP_NODELAY set")
    func noDelay() async throws {
        try await SandboxTesting.withSandbox { sandbox, _ in
            let control = SandboxTestClient(baseURL: "http://127.0.0.1:\(sandbox.port)/_sandbox")
            let connection = try await control.send(.GET, "/connection")
            #expect(connection.json?["tcp_nodelay"]?.boolValue == true)
            #expect(connection.json?["peer_ip"]?.stringValue == "127.0.0.1")
        }
    }

    @Test("A request hook sees each request's endpoint, client and per-endpoint count before it is processed")
    func requestHook() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let seen = SandboxHookRecorder()
            sandbox.setRequestHook { seen.record($0) }
            let tokens = try await client.token()
            _ = try await client.send(.GET, "/balance", token: tokens.access)
            _ = try await client.send(.GET, "/balance", token: tokens.access)
            let infos = seen.infos
            #expect(infos.map(\.endpoint) == [.token, .balance, .balance])
            #expect(infos.map(\.count) == [1, 1, 2])
            #expect(infos.allSatisfy { $0.clientID == "rd_client_sandbox" })
        }
    }
}
