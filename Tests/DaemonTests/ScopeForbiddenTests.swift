import Core
import Daemon
import Foundation
import Sandbox
import Simulation
import TestSupport
import Testing

/// `403 scope_forbidden`: the product exists but is outside the client's brand scope. storesync
/// remembers it like an unknown barcode, answers it with its own code, and asks again only when
/// the entry expires or an operator asks for a sync.
@Suite("A barcode outside the client's brand scope")
struct ScopeForbiddenTests {
    @Test("403 scope_forbidden has its own answer, the next scan costs no call, asked again after the TTL or a resync")
    func rememberedLikeANegative() async throws {
        try await StoreWorld.run(catalog: { sandbox in Array(sandbox.products.map(\.barcode).prefix(2)) }) { world in
            let catalog = Set(world.sandbox.products.map(\.barcode).prefix(2))
            let outside = try #require(
                world.sandbox.products.last { product in
                    !catalog.contains(product.barcode) && !(Barcode(product.barcode)?.isInStore ?? true)
                        && product.variants.contains(.front)
                })
            var account = try #require(world.sandbox.account(StoreWorld.clientID))
            account.brandScope = ["No Such Brand"]
            world.sandbox.setAccount(account)

            let first = try await world.scan(outside.barcode)
            #expect(first.status == 403, "\(String(describing: first.json))")
            #expect(first.json?["error"]?["code"]?.stringValue == "scope_forbidden")
            let message = first.json?["error"]?["message"]?.stringValue ?? ""
            #expect(message.contains("brand scope") && message.contains("storesync resync --barcode"), "\(message)")
            #expect(
                world.ledger().filter { $0.endpoint == SandboxEndpoint.productGet.rawValue }.map(\.errorCode) == [
                    "scope_forbidden"
                ])

            // The second scan is answered from the negative cache: no upstream call at all.
            let mark = world.ledger().count
            let second = try await world.scan(outside.barcode)
            #expect(second.status == 403 && second.json?["error"]?["code"]?.stringValue == "scope_forbidden")
            #expect(world.ledger(from: mark).isEmpty, "\(world.ledger(from: mark).map(\.endpoint))")
            let status = try #require(try await DaemonSocket.get(world.socket, "/v1/status").json)
            #expect(status["cache"]?["negative"]?.intValue == 1)
            #expect(status["upstream"]?["auth"]?.stringValue == "ok", "scope is about one product, not the client")

            // A catalog product out of scope answers from the store catalog.
            let listed = try #require(catalog.first { !(Barcode($0)?.isInStore ?? true) })
            let fromCatalog = try await world.scan(listed)
            #expect(fromCatalog.status == 200 && fromCatalog.json?["source"]?.stringValue == "catalog")

            // Like any negative entry it expires after storage.negative_ttl (7 days): asked once more.
            world.advance(by: .seconds(7 * 86_400 + 60))
            let afterTTL = world.ledger().count
            #expect(try await world.scan(outside.barcode).status == 403)
            #expect(
                world.ledger(from: afterTTL).filter { $0.errorCode == "scope_forbidden" }.count == 1,
                "\(world.ledger(from: afterTTL).map { "\($0.endpoint) \($0.path) \($0.status)" })")

            // The brand is added to the scope and the operator asks for a sync: the next scan asks again.
            account.brandScope = nil
            world.sandbox.setAccount(account)
            _ = try await world.sync()
            // (the sync itself may buy it: the store scanned it recently)
            let again = try await world.scan(outside.barcode)
            #expect(again.status == 200 && again.json?["barcode"]?.stringValue == outside.barcode)
        }
    }
}
