import Foundation
import Testing

@testable import Daemon

@Suite("The example configuration")
struct ExampleConfigurationTests {
    @Test("config/storesync.yaml sets every key to its default, each with a comment, and loads without warnings")
    func exampleFile() async throws {
        let path = Repository.root + "/config/storesync.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            text == DaemonConfiguration.exampleFileText,
            "config/storesync.yaml is written from the settings table: swift run storesync serve --example-config")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var section = ""
        var seen: [String] = []
        for (index, line) in lines.enumerated() {
            if !line.hasPrefix(" "), !line.hasPrefix("#"), line.hasSuffix(":") { section = String(line.dropLast()) }
            guard line.hasPrefix("  "), !line.hasPrefix("  #"), let colon = line.firstIndex(of: ":") else { continue }
            let name = section + "." + line[line.index(line.startIndex, offsetBy: 2)..<colon]
            seen.append(name)
            #expect(lines[index - 1].hasPrefix("  # "), "\(name) has a comment")
        }
        #expect(seen == DaemonConfiguration.settings.map(\.name))

        let loader = ConfigurationLoader(path: path, environment: credentialEnvironment)
        let loaded = try await loader.load()
        #expect(loaded.warnings.isEmpty)
        var defaults = DaemonConfiguration()
        defaults.filePath = path
        let expected = defaults.entries().filter {
            !$0.key.hasPrefix("upstream.client_id") && $0.key != "upstream.api_key"
        }
        let actual = loaded.configuration.entries().filter {
            !$0.key.hasPrefix("upstream.client_id") && $0.key != "upstream.api_key"
        }
        #expect(actual == expected)
    }
}
