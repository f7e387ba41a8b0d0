import Core
import Foundation
import Hummingbird
import Synchronization

/// The Retagly part of the sandbox control plane (under `/_sandbox/retagly`), for scripts and the
/// demo: stores and their products and sessions, the ledger, faults, the rate limit. Stores are
/// named `store-1`, … (tokens never appear). The clock belongs to the main control plane.
struct RetaglyControlRoutes: Sendable {
    let sandbox: RetaglySandbox

    func add(to group: RouterGroup<SandboxRequestContext>) {
        group.get("stores") { _, _ in stores() }
        group.get("stores/:store/products") { _, context in
            try products(of: context.parameters.require("store"))
        }
        group.get("stores/:store/sessions") { _, context in
            try sessions(of: context.parameters.require("store"))
        }
        group.get("ledger") { _, _ in RetaglySandbox.json(sandbox.ledgerSummary().json) }
        group.get("ledger/entries") { request, _ in
            let after = request.uri.queryParameters.get("after", as: Int.self) ?? 0
            let limit = request.uri.queryParameters.get("limit", as: Int.self) ?? 100
            let entries = sandbox.ledger().filter { $0.sequence > after }.prefix(max(0, limit))
            return RetaglySandbox.json(["entries": .array(entries.map(\.json))])
        }
        group.get("faults") { _, _ in RetaglySandbox.json(sandbox.faults.json) }
        group.put("faults") { request, _ in try await setFaults(request) }
        group.put("rate-limit") { request, _ in try await setRateLimit(request) }
    }

    private func stores() -> Response {
        let list = sandbox.state.withLock { state in
            state.stores.values.sorted { $0.identity.localizedStandardCompare($1.identity) == .orderedAscending }
                .map { store -> JSONValue in ["store": .string(store.identity), "sessions": .int(store.sessions.count)]
                }
        }
        return RetaglySandbox.json(["stores": .array(list)])
    }

    private func products(of identity: String) -> Response {
        guard let token = sandbox.state.withLock({ $0.token(ofStore: identity) }) else { return unknownStore(identity) }
        let products = sandbox.products(token: token).values.sorted { $0.barcode < $1.barcode }
        return RetaglySandbox.json(["store": .string(identity), "products": .array(products.map(\.json))])
    }

    private func sessions(of identity: String) -> Response {
        guard let token = sandbox.state.withLock({ $0.token(ofStore: identity) }) else { return unknownStore(identity) }
        return RetaglySandbox.json(
            ["store": .string(identity), "sessions": .array(sandbox.sessions(token: token).map(\.json))])
    }

    private func unknownStore(_ identity: String) -> Response {
        let error = RetaglyAPIError(status: 404, code: "not_found", message: "no store named \(identity)")
        return RetaglySandbox.json(error.json, status: .notFound)
    }

    private func setFaults(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        do {
            let faults = try RetaglyFaults(json: try JSONValue(parsing: Array(body.readableBytesView)))
            sandbox.setFaults(faults)
            return RetaglySandbox.json(faults.json)
        } catch {
            return RetaglySandbox.json(RetaglyAPIError.badRequest("\(error)").json, status: .badRequest)
        }
    }

    private func setRateLimit(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        guard let json = try? JSONValue(parsing: Array(body.readableBytesView)),
            let value = json["perMinute"], value.isNull || (value.intValue ?? 0) > 0
        else {
            let error = RetaglyAPIError.badRequest("send {\"perMinute\": N} with N > 0, or null for no limit")
            return RetaglySandbox.json(error.json, status: .badRequest)
        }
        sandbox.setRateLimit(perMinute: value.intValue)
        return RetaglySandbox.json(["perMinute": value.intValue.map { .int($0) } ?? .null])
    }
}
