import Core
import Foundation
import Logging
import Testing

@testable import Daemon

@Suite("Log lines")
struct LogFormatTests {
    let date = Date(timeIntervalSince1970: 1_782_923_400.123)  // 2026-07-01T16:30:00.123Z

    @Test("logfmt writes ts, level, msg, logger, then the fields, quoting only what needs it")
    func logfmtLine() {
        let formatter = LogLineFormatter(format: .logfmt, journald: false)
        let line = formatter.line(
            date: date, level: .info, message: "sync started", label: "storesync.sync",
            fields: [("request_id", "req_42"), ("mode", "delta"), ("path", "a b=c"), ("empty", "")])
        #expect(
            line
                == "ts=2026-07-01T16:30:00.123Z level=info msg=\"sync started\" logger=storesync.sync request_id=req_42 "
                + "mode=delta path=\"a b=c\" empty=\"\"")
    }

    @Test("A message with newlines and quotes stays on one line")
    func oneLinePerEvent() {
        for format in LogFormat.allCases {
            let line = LogLineFormatter(format: format, journald: false).line(
                date: date, level: .error, message: "first\nsecond \"quoted\"\\", label: "x",
                fields: [("detail", "a\r\nb\t\u{1}")])
            #expect(!line.contains("\n") && !line.contains("\r"), "\(format)")
        }
    }

    @Test("JSON lines are objects whose fields parse back with their values")
    func jsonLine() throws {
        let line = LogLineFormatter(format: .json, journald: false).line(
            date: date, level: .warning, message: "slow \"upstream\"\n", label: "storesync.upstream",
            fields: [("request_id", "req_7"), ("ms", "812")])
        let object = try JSONValue(parsing: line)
        #expect(object["ts"]?.stringValue == "2026-07-01T16:30:00.123Z")
        #expect(object["level"]?.stringValue == "warning")
        #expect(object["msg"]?.stringValue == "slow \"upstream\"\n")
        #expect(object["logger"]?.stringValue == "storesync.upstream")
        #expect(object["request_id"]?.stringValue == "req_7")
        #expect(object["ms"]?.stringValue == "812")
    }

    @Test(
        "Under journald each line starts with its syslog priority and has no timestamp",
        arguments: [
            (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
        ])
    func journaldPriority(level: Logger.Level, priority: Int) {
        let logfmt = LogLineFormatter(format: .logfmt, journald: true).line(
            date: date, level: level, message: "m", label: "l", fields: [])
        #expect(logfmt == "<\(priority)>level=\(level.rawValue) msg=m logger=l")
        let json = LogLineFormatter(format: .json, journald: true).line(
            date: date, level: level, message: "m", label: "l", fields: [])
        #expect(json.hasPrefix("<\(priority)>{\"level\":"))
    }

    @Test("Timestamps have milliseconds, zero-padded")
    func timestamps() {
        #expect(LogLineFormatter.timestamp(Date(timeIntervalSince1970: 0.007)) == "1970-01-01T00:00:00.007Z")
        #expect(LogLineFormatter.timestamp(Date(timeIntervalSince1970: 59.5)) == "1970-01-01T00:00:59.500Z")
    }

    @Test("JOURNAL_STREAM counts only when it names the stream behind the descriptor")
    func journalStreamDetection() throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let path = try directory.write("stream", "")
        let fd = open(path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        var info = stat()
        try #require(fstat(fd, &info) == 0)
        let matching = ["JOURNAL_STREAM": "\(info.st_dev):\(info.st_ino)"]
        #expect(JournalStream.isConnected(environment: matching, descriptor: fd))
        #expect(
            !JournalStream.isConnected(
                environment: ["JOURNAL_STREAM": "\(info.st_dev):\(info.st_ino + 1)"], descriptor: fd))
        #expect(!JournalStream.isConnected(environment: [:], descriptor: fd))
        #expect(!JournalStream.isConnected(environment: ["JOURNAL_STREAM": "garbage"], descriptor: fd))
    }
}
