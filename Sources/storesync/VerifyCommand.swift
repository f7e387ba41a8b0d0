import ArgumentParser
import Daemon
import Foundation
import Store

/// `storesync verify [--config FILE | --state-dir DIR] [--json]`: checks the state directory without
/// changing it: the database's `integrity_check` and every indexed image re-hashed against the index.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the state directory: database integrity and every stored image against its sha256.",
        discussion: """
            Read-only, safe while the daemon runs. Exit status 0 when everything is sound, 1 when something \
            is wrong (each problem on its own line), 66 when there is no database to check.
            """)

    @Option(help: "The configuration file whose storage.state_dir to check (default /etc/storesync/storesync.yaml).")
    var config: String?

    @Option(help: "The state directory to check (instead of the configuration's).")
    var stateDir: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        let directory: String
        if let stateDir {
            directory = stateDir
        } else {
            do {
                directory = try await ConfigurationLoader(path: config).load().configuration.storage.stateDirectory
            } catch {
                CLIOutput.fail(
                    "cannot read storage.state_dir from the configuration (\(error)); pass --state-dir", code: 78)
            }
        }
        let check: StateDirectoryCheck
        do { check = try StateDirectoryCheck.run(directory: directory) } catch {
            CLIOutput.fail("\(error)", code: 66)
        }
        print(json ? VerifyText.json(check, directory: directory) : VerifyText.render(check, directory: directory))
        if !check.isSound { throw ExitCode(1) }
    }
}
