import Core
import Sandbox
import Testing

@Suite("storesync sandbox --client ID:KEY[:RPM:RPD:CREDITS]")
struct SandboxClientSpecTests {
    @Test("ID:KEY takes the standard defaults; ID:KEY:RPM:RPD:CREDITS sets the limits and exact credits")
    func parses() throws {
        let plain = try SandboxClientAccount(spec: "rd_client_7:sk_test_7")
        #expect(plain.id == "rd_client_7" && plain.apiKey == "sk_test_7")
        #expect(plain.requestsPerMinute == 60 && plain.requestsPerDay == 10_000 && plain.credits == Credits(10_000))
        let full = try SandboxClientAccount(spec: "a:b:5:100:12.5")
        #expect(full.requestsPerMinute == 5 && full.requestsPerDay == 100)
        #expect(full.credits == Credits(thousandths: 12_500))
    }

    @Test(
        "Other shapes are rejected without echoing the key", arguments: ["a", "a:b:5", ":b", "a:b:0:1:1", "a:b:1:1:x"])
    func rejects(spec: String) {
        #expect(throws: SandboxSpecError.self) { try SandboxClientAccount(spec: spec) }
        do {
            _ = try SandboxClientAccount(spec: "id:secret_key_123:x")
        } catch {
            #expect(!error.description.contains("secret_key_123"))
        }
    }
}
