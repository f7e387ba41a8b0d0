import Foundation
import TestSupport
import Testing

@Suite("storesync demo")
struct DemoTests {
    @Test("The demo runs its whole walkthrough against the sandbox and exits cleanly")
    func walkthrough() async throws {
        let binary = try #require(BuiltExecutable.storesync, "build storesync first (swift build --build-tests)")
        let directory = try TestDirectory("demo")
        defer { directory.remove() }
        let run = try await ScriptRun.run(
            binary, ["demo", "--no-wait", "--products", "400", "--carried", "30"], in: directory)
        #expect(run.status == 0, "\(run.errors)")
        let output = run.output
        for section in [
            "1. First sync", "2. Upstream changes", "3. Nightly delta sync", "4. Scan-time lookups",
            "5. Status", "6. Images on disk",
        ] {
            #expect(output.contains(section), "missing \(section)")
        }
        #expect(output.contains("delta #1 succeeded"))
        #expect(output.contains("delta #2 succeeded"))
        #expect(output.contains("→ 200"))
        #expect(output.contains("→ 404"))
        #expect(output.contains("→ 400"))
        #expect(output.contains("the store catalog only"))
        #expect(output.contains("Retail Digitals, fetched just now"))
        #expect(output.contains("temporary files removed"))
        #expect(!output.contains("sk_test_demo_store_042"))
    }
}
