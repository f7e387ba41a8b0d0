import Core
import Foundation
import Hummingbird
import NIOCore
import Synchronization

extension Sandbox {
    /// The control plane under `/_sandbox` (no auth; loopback peers only): clock, catalog changes,
    /// faults, account state, ledger and ground truth, for scripts and the demo.
    func addControlRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("") { _, context in try self.control(context) { self.overview() } }
        group.get("clock") { _, context in
            try self.control(context) { ["now": .string(Timestamp.format(self.clock.now()))] }
        }
        group.post("clock/advance") { request, context in
            let body = try await Self.controlBody(request)
            return try self.control(context) {
                guard let seconds = body["seconds"]?.doubleValue else {
                    throw Self.controlError("send {\"seconds\": N}")
                }
                self.clock.advance(by: .milliseconds(Int64(seconds * 1000)))
                return ["now": .string(Timestamp.format(self.clock.now()))]
            }
        }
        group.post("products") { request, context in
            let body = try await Self.controlBody(request)
            return try self.control(context) {
                let names = body["variants"]?.arrayValue?.compactMap(\.stringValue)
                let variants = try names?.map { name in
                    guard let variant = ImageVariant(rawValue: name) else {
                        throw Self.controlError("unknown variant \(name)")
                    }
                    return variant
                }
                return self.groundTruth(self.addProduct(variants: variants), clientID: nil)
            }
        }
        group.get("products/{barcode}") { request, context in
            try self.control(context) {
                guard let product = self.product(context.parameters.get("barcode") ?? "") else {
                    throw Self.controlError("no such product", status: 404)
                }
                return self.groundTruth(product, clientID: request.uri.queryParameters.get("client"))
            }
        }
        group.post("products/{barcode}/update") { request, context in
            let body = try await Self.controlBody(request)
            return try self.control(context) {
                let changeImages = body["change_images"]?.boolValue ?? false
                guard
                    let product = self.updateProduct(
                        context.parameters.get("barcode") ?? "", changeImages: changeImages)
                else { throw Self.controlError("no such product", status: 404) }
                return self.groundTruth(product, clientID: nil)
            }
        }
        group.delete("products/{barcode}") { _, context in
            try self.control(context) {
                let barcode = context.parameters.get("barcode") ?? ""
                guard self.product(barcode) != nil else { throw Self.controlError("no such product", status: 404) }
                self.deleteProduct(barcode)
                return ["deleted": true]
            }
        }
        addControlAccountRoutes(to: group)
    }

    /// Fault, client, ledger and connection routes of the control plane.
    func addControlAccountRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("faults") { _, context in
            try self.control(context) { .array(self.faults.rules.map(\.json)) }
        }
        group.post("faults") { request, context in
            let body = try await Self.controlBody(request)
            return try self.control(context) {
                let rule = try FaultRule(json: body)
                self.faults.add(rule)
                return rule.json
            }
        }
        group.delete("faults") { _, context in
            try self.control(context) {
                self.faults.clear()
                return ["cleared": true]
            }
        }
        group.get("clients") { _, context in
            try self.control(context) {
                .array(self.state.withLock { state in state.clientOrder.map { state.clients[$0]!.account.json } })
            }
        }
        group.post("clients/{id}") { request, context in
            let body = try await Self.controlBody(request)
            return try self.control(context) {
                let id = context.parameters.get("id") ?? ""
                guard var account = self.account(id) else { throw Self.controlError("no such client", status: 404) }
                if let credits = body["credits"] {
                    guard let value = credits.creditsValue ?? credits.stringValue.flatMap({ Credits(parsing: $0) })
                    else {
                        throw Self.controlError("credits must be a decimal")
                    }
                    account.credits = value
                }
                if let disabled = body["disabled"]?.boolValue { account.disabled = disabled }
                if let rpm = body["requests_per_minute"]?.intValue, rpm > 0 { account.requestsPerMinute = rpm }
                if let rpd = body["requests_per_day"]?.intValue, rpd > 0 { account.requestsPerDay = rpd }
                if let allowlist = body["ip_allowlist"]?.arrayValue {
                    account.ipAllowlist = allowlist.compactMap(\.stringValue)
                }
                if let scope = body["brand_scope"] { account.brandScope = scope.arrayValue?.compactMap(\.stringValue) }
                self.setAccount(account)
                return account.json
            }
        }
        group.get("ledger") { request, context in
            try self.control(context) {
                var entries = self.ledger()
                if let client = request.uri.queryParameters.get("client") {
                    entries = entries.filter { $0.clientID == client }
                }
                if let limit = request.uri.queryParameters.get("limit").flatMap({ Int($0) }) {
                    entries = entries.suffix(limit)
                }
                return .array(entries.map(\.json))
            }
        }
        group.get("ledger/summary") { _, context in try self.control(context) { self.ledgerSummary().json } }
        group.get("connection") { _, context in
            let noDelay = try? await context.channel.getOption(ChannelOptions.tcpOption(.tcp_nodelay)).get()
            return try self.control(context) {
                ["peer_ip": .string(context.peerIP), "tcp_nodelay": .bool((noDelay ?? 0) != 0)]
            }
        }
    }
}
