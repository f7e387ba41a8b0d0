import Core
import Foundation
import Logging
import Testing

@testable import Daemon

@Suite("Log handler and redaction")
struct LogHandlerTests {
    private func logging(level: Logger.Level = .info, format: LogFormat = .logfmt) -> (DaemonLogging, LogCollector) {
        let collector = LogCollector()
        var settings = LogSettings()
        settings.level = level
        settings.format = format
        let logging = DaemonLogging(
            settings: settings, redactor: SecretRedactor(), output: collector.output, journald: false)
        return (logging, collector)
    }

    @Test("Registered secrets are redacted from messages, metadata (nested too) and errors")
    func registeredSecrets() {
        let (logging, collector) = logging()
        logging.redactor.register(Secret("sk_live_fake_registered_0123"))
        logging.redactor.register("opaque-access-token-value")
        var logger = logging.makeLogger(label: "storesync.test")
        logger[metadataKey: "client"] = "rd_client_1"
        struct Failure: Error, CustomStringConvertible {
            var description: String { "rejected opaque-access-token-value" }
        }
        logger.error(
            "auth with sk_live_fake_registered_0123 failed", error: Failure(),
            metadata: ["body": ["token": "opaque-access-token-value"], "list": ["x", "sk_live_fake_registered_0123"]])
        let text = collector.text
        #expect(collector.lines.count == 1)
        #expect(!text.contains("registered_0123") && !text.contains("opaque-access-token-value"))
        #expect(text.contains("msg=\"auth with [redacted] failed\""))
        #expect(text.contains("body.token=[redacted]"))
        #expect(text.contains("error=\"rejected [redacted]\""))
        #expect(text.contains("client=rd_client_1"))
    }

    @Test(
        "Secret shapes are redacted even when never registered",
        arguments: [
            (
                "GET https://cdn.example/api/v1/image/abc.DEF-123_x?sig=1 done",
                "GET https://cdn.example/api/v1/image/[redacted]?sig=1 done"
            ),
            ("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZF8xIn0.c2lnbmF0dXJl end", "token [redacted] end"),
            ("refresh rt_a1B2c3D4e5F6 used", "refresh [redacted] used"),
            ("key=sk_live_fake_abcdef123456", "key=[redacted]"),
            ("key sk_test_sandbox given", "key [redacted] given"),
            ("Authorization: Bearer abc.def/ghi= ok", "Authorization: Bearer [redacted] ok"),
            ("store token rt_store_sandbox", "store token [redacted]"),
        ])
    func patterns(input: String, expected: String) {
        #expect(SecretRedactor().redact(input) == expected)
    }

    @Test(
        "Ordinary text is left alone",
        arguments: [
            "start_time=3 part_of=x", "/v1/products/017000161563/images/front", "/var/lib/storesync/images/017/x.jpg",
            "eyJ alone", "rt_short", "sync succeeded: 12 products", "ask_me later", "",
        ])
    func noFalsePositives(text: String) {
        #expect(SecretRedactor().redact(text) == text)
    }

    @Test("Short values are not registered, and a longer secret containing a shorter one is redacted whole")
    func registrationRules() {
        let redactor = SecretRedactor()
        redactor.register("abc")
        #expect(redactor.registeredCount == 0)
        redactor.register("secretvalue")
        redactor.register("secretvalue-and-more")
        #expect(redactor.redact("x secretvalue-and-more y secretvalue") == "x [redacted] y [redacted]")
        redactor.unregister("secretvalue")
        #expect(redactor.redact("secretvalue") == "secretvalue")
    }

    @Test("Token rotations keep only the recent tokens registered, the api key for good")
    func rotationsStayBounded() {
        let redactor = SecretRedactor(secrets: [Secret("apikey-for-good")])
        for rotation in 0..<200 { redactor.registerRotating("opaque-token-\(rotation)") }
        #expect(redactor.registeredCount == 1 + SecretRedactor.rotatingKept)
        #expect(redactor.redact("apikey-for-good opaque-token-199") == "[redacted] [redacted]")
        #expect(redactor.redact("opaque-token-0") == "opaque-token-0")
        // Learning the same token again (a reload) does not push a newer one out.
        redactor.registerRotating("opaque-token-194")
        #expect(redactor.redact("opaque-token-194") == "[redacted]")
    }

    @Test("A URL's user:password@ is redacted whole, registered or not; a URL without credentials stays")
    func urlCredentials() {
        let redactor = SecretRedactor()
        #expect(
            redactor.redact("proxy http://shop:pr0xy@127.0.0.1:3128 down")
                == "proxy http://[redacted]@127.0.0.1:3128 down")
        #expect(redactor.redact("\"https://u:p%40ss@proxy.example/\"") == "\"https://[redacted]@proxy.example/\"")
        #expect(redactor.redact("see http://proxy.example:3128/a@b") == "see http://proxy.example:3128/a@b")
        #expect(redactor.redact("mailto://user@example.com") == "mailto://user@example.com")
    }

    @Test("The level follows the shared control (SIGHUP reload) unless a logger sets its own")
    func levelControl() {
        let (logging, collector) = logging(level: .info)
        let logger = logging.makeLogger(label: "a")
        logger.debug("hidden")
        logging.apply(LogSettings(level: .debug))
        logger.debug("shown")
        var quiet = logging.makeLogger(label: "b")
        quiet.logLevel = .error
        quiet.warning("hidden too")
        logging.apply(LogSettings(level: .trace))
        quiet.info("still hidden")
        #expect(collector.lines.count == 1)
        #expect(collector.lines.first?.contains("msg=shown") == true)
    }

    @Test("Metadata comes from the logger, its provider and the call, the call winning, keys sorted")
    func metadataMerge() {
        let collector = LogCollector()
        let logging = DaemonLogging(
            settings: LogSettings(), redactor: SecretRedactor(), output: collector.output, journald: false)
        var logger = Logger(label: "m") {
            logging.makeHandler(label: $0, metadataProvider: .init { ["request_id": "req_9", "z": "provider"] })
        }
        logger[metadataKey: "z"] = "logger"
        logger[metadataKey: "a"] = "logger"
        logger.info("hello", metadata: ["a": "call"])
        #expect(collector.lines.first?.hasSuffix("msg=hello logger=m a=call request_id=req_9 z=provider") == true)
    }

    @Test("JSON output carries the same redacted fields")
    func jsonHandler() throws {
        let (logging, collector) = logging(format: .json)
        logging.redactor.register("hunter2hunter2")
        logging.makeLogger(label: "j").notice("pw hunter2hunter2", metadata: ["request_id": "req_1"])
        let object = try JSONValue(parsing: try #require(collector.lines.first))
        #expect(object["msg"]?.stringValue == "pw [redacted]")
        #expect(object["request_id"]?.stringValue == "req_1")
        #expect(object["level"]?.stringValue == "notice")
    }
}
