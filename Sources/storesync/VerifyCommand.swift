import ArgumentParser
import Daemon
import Foundation
import Logging
import Store

/// `storesync verify [--config FILE | --state-dir DIR] [--json] [--repair]`: checks the state
/// directory without changing it: the database's `integrity_check` and every indexed image re-hashed
/// against the index. With `--repair` (storesync stopped) a damaged database is moved aside and its
/// readable rows salvaged into a fresh one first, as a start after damage does.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the state directory: database integrity and every stored image against its sha256.",
        discussion: """
            Read-only, safe while the daemon runs. Exit status 0 when everything is sound, 1 when something \
            is wrong (each problem on its own line), 66 when there is no database to check. --repair (only \
            while storesync is stopped: it takes the state directory's lock) moves a damaged database aside, \
            salvages what can still be read into a fresh one and re-indexes the image files by sha256; exit \
            status 0 when sound or repaired, 1 when problems remain.
            """)

    @Option(help: "The configuration file whose storage.state_dir to check (default /etc/storesync/storesync.yaml).")
    var config: String?

    @Option(help: "The state directory to check (instead of the configuration's).")
    var stateDir: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Flag(help: "Salvage a damaged database into a fresh one (storesync must be stopped).")
    var repair = false

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
        var salvage: SalvageReport?
        var lock: StateDirectoryLock?
        if repair {
            let repaired = await runRepair(directory: directory)
            lock = repaired.lock
            salvage = repaired.salvage
        }
        defer { withExtendedLifetime(lock) {} }
        let check: StateDirectoryCheck
        do { check = try StateDirectoryCheck.run(directory: directory) } catch {
            CLIOutput.fail("\(error)", code: 66)
        }
        if repair, !json { print(VerifyText.repaired(salvage)) }
        print(
            json
                ? VerifyText.json(check, directory: directory, salvage: salvage)
                : VerifyText.render(check, directory: directory))
        if !check.isSound { throw ExitCode(1) }
    }

    /// Takes the state directory's lock (refusing while a daemon holds it) and repairs the database;
    /// returns the lock (held until the check ran) and what was salvaged.
    private func runRepair(directory: String) async -> (lock: StateDirectoryLock, salvage: SalvageReport?) {
        guard FileManager.default.fileExists(atPath: directory + "/storesync.sqlite") else {
            CLIOutput.fail("no database to repair in \(directory)", code: 66)
        }
        let lock: StateDirectoryLock
        do { lock = try StateDirectoryLock.acquire(directory: directory) } catch {
            CLIOutput.fail("refusing to repair: \(error); stop storesync first", code: 1)
        }
        var logger = Logger(label: "storesync.verify") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        do {
            return (lock, try await Database.repair(directory: directory, logger: logger))
        } catch {
            CLIOutput.fail("the repair failed: \(error)", code: 1)
        }
    }
}
