import Core
import Foundation
import Sandbox

/// Step 4 of the demo: one scan of each kind through the real socket.
struct DemoLookups {
    let out: DemoOutput
    let socket: String
    let catalog: DemoCatalog
    let sandbox: Sandbox

    func run() async throws {
        let client = SocketClient(socketPath: socket)
        let notCarried = sandbox.barcodes.sorted().first { !catalog.carried.contains($0) } ?? "030772095355"
        let cases: [(String, String)] = [
            ("a cache hit (synced last night)", "017000161563"),
            ("a miss, fetched live and kept", notCarried),
            ("an in-store code, from the store catalog", catalog.inStore[0]),
            ("a store brand upstream does not have", catalog.unknownUpstream[0]),
            ("a barcode nobody knows", DemoCatalog.upc("6123456789")),
            ("a mis-scanned barcode (bad check digit)", "017000161564"),
        ]
        for (what, barcode) in cases {
            let started = ContinuousClock.now
            let answer = try await client.get("/v1/products/\(barcode)")
            let elapsed = ContinuousClock.now - started
            let millis = elapsed.timeInterval * 1000
            out.line(
                "\n-- \(what): GET /v1/products/\(barcode) → \(answer.status) in \(String(format: "%.1f", millis)) ms")
            if answer.status == 200, let json = answer.json {
                out.line(LookupText.render(json))
            } else {
                out.line("   \(answer.errorCode ?? "?"): \(answer.errorMessage ?? "")")
            }
        }
    }
}
