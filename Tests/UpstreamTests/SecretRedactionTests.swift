import Core
import Foundation
import Testing

@testable import Upstream

@Suite("Secrets never print themselves")
struct SecretRedactionTests {
    @Test("A secret prints as [redacted] however it is printed")
    func secretRedacted() {
        let secret = Secret("sk_test_very_secret")
        let credentials = UpstreamCredentials(clientID: "rd_client_x", apiKey: secret)
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [
            "\(secret)", String(reflecting: secret), "\(credentials)", String(reflecting: credentials), dumped,
        ] {
            #expect(!text.contains("very_secret"))
        }
        #expect("\(secret)" == "[redacted]")
        #expect(secret.revealed == "sk_test_very_secret")
    }

    @Test("A signed image URL prints as [signed image URL]")
    func signedURLRedacted() {
        let url = SignedImageURL(url: "http://127.0.0.1/api/v1/image/eyJtoken.sig")
        var dumped = ""
        dump(url, to: &dumped)
        for text in ["\(url)", String(reflecting: url), dumped] { #expect(!text.contains("eyJtoken")) }
        #expect("\(url)" == "[signed image URL]")
    }

    @Test("Stored tokens print without their secrets")
    func persistedTokensRedacted() {
        let tokens = PersistedTokens(
            accessToken: Secret("eyJaccess"), accessExpiresAt: Date(), refreshToken: Secret("rt_refresh"))
        let text = "\(tokens)"
        #expect(!text.contains("eyJaccess") && !text.contains("rt_refresh"))
    }

    @Test(
        "Every error description says what to do and holds no secret",
        arguments: [
            UpstreamError.notFound, .clientDisabled, .insufficientCredits, .invalidCredentials,
            .dayBudgetSpent(resumeAt: Date(timeIntervalSince1970: 0)), .creditCapReached(resumeAt: Date()),
            .scanReserveOnly(resumeAt: Date()), .rateLimited(resumeAt: Date()), .timedOut, .unavailable("x"),
            .badResponse("x"), .badRequest("x"), .badImage(.invalid(.empty)), .forbidden(code: "scope_forbidden"),
            .cancelled,
        ])
    func errorDescriptions(error: UpstreamError) {
        #expect(error.description.count > 15)
        #expect(!error.reasonCode.isEmpty)
    }
}
