import Core
import Foundation
import Sandbox
import Simulation
import TestSupport
import Testing

@testable import Daemon

/// `/metrics` is clean for Prometheus' own checker: every family has help text.
@Suite("Metrics help text")
struct MetricsHelpTests {
    @Test("Every storesync_ metric named in Sources has help text")
    func everyNameHasHelp() throws {
        let sources = Repository.root + "/Sources"
        let files = FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String } ?? []
        var names = Set<String>()
        let pattern = try Regex(#""(storesync_[a-z_]+)""#)
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { names.insert(String(name)) }
            }
        }
        #expect(names.count > 20)
        let missing = names.subtracting(MetricsHelp.texts.keys).sorted()
        #expect(missing.isEmpty, "no help text for \(missing)")
    }

    @Test("The served exposition after a sync and scans has HELP before every TYPE, and promtool accepts it")
    func promtoolAccepts() async throws {
        let text = try await StoreWorld.run(catalog: { sandbox in Array(sandbox.products.map(\.barcode).prefix(10)) }) {
            world in
            _ = try await world.sync()
            _ = try await world.scan("017000161563")
            let response = try await SocketHTTP.request(.unix(world.socket), "GET", "/metrics")
            return String(decoding: response.body, as: UTF8.self)
        }
        let lines = text.split(separator: "\n")
        for (index, line) in lines.enumerated() where line.hasPrefix("# TYPE ") {
            #expect(index > 0 && lines[index - 1].hasPrefix("# HELP "), "\(line)")
        }
        guard let promtool = Self.promtool else { return }  // scripts/test installs it (Debian's prometheus)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool)
        process.arguments = ["check", "metrics"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try ProcessLaunch.run(process)
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "promtool check metrics: \(report)")
    }

    @Test("The shipped alert rules pass promtool check rules and their own unit tests")
    func alertRules() throws {
        guard let promtool = Self.promtool else { return }  // scripts/test installs it
        let directory = Repository.root + "/config/prometheus"
        // Absolute paths, no working directory: Foundation's Process may change the whole
        // process's directory to start a child there, under every other test's feet.
        for arguments in [
            ["check", "rules", directory + "/storesync-alerts.yml"],
            ["test", "rules", directory + "/storesync-alerts.test.yml"],
        ] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: promtool)
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try ProcessLaunch.run(process)
            let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "promtool \(arguments.joined(separator: " ")): \(report)")
        }
    }

    static var promtool: String? {
        ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
