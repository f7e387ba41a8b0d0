import ArgumentParser
import Core
import Daemon
import Foundation
import Store
import Sync

/// `storesync resync [--full] [--barcode B …] [--wait]`: asks the daemon to sync now.
struct ResyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resync", abstract: "Ask the running daemon to sync now (delta by default).",
        discussion: """
            With --wait, progress goes to standard error until the sync ends; the exit status is 0 when it \
            succeeded, 2 when it failed, 3 when a budget or credit cap paused it (it resumes by itself). \
            A manual resync also lifts a client_disabled stop, so an operator can retry after re-enabling \
            the client upstream.
            """)

    @Flag(help: "Refetch every carried product, not only what changed.")
    var full = false

    @Option(name: .customLong("barcode"), help: "Fetch exactly these barcodes (repeatable).")
    var barcodes: [String] = []

    @Flag(help: "Follow the sync until it ends.")
    var wait = false

    @Option(help: "Seconds between progress polls with --wait.")
    var interval: Double = 1

    @OptionGroup var socket: SocketOptions

    func validate() throws {
        if full && !barcodes.isEmpty { throw ValidationError("--full and --barcode cannot be combined") }
        for barcode in barcodes {
            do { _ = try Barcode(validating: barcode) } catch {
                throw ValidationError("--barcode \(barcode): \(error)")
            }
        }
    }

    func run() async throws {
        let client: SocketClient
        do { client = try await socket.client() } catch { CLIOutput.fail("\(error)", code: 69) }
        let request = SyncRequest.Body(
            mode: barcodes.isEmpty ? (full ? "full" : "delta") : "barcodes", barcodes: barcodes.isEmpty ? nil : barcodes
        )
        let started: SyncStartAnswer
        do {
            started = try await client.post("/v1/sync", json: JSONValueEncoder.json(request)).document(
                SyncStartAnswer.self, expected: 200...299)
        } catch let refusal as SocketClient.Refusal {
            CLIOutput.fail("\(refusal)", code: 2)
        } catch {
            CLIOutput.fail("\(error)", code: 69)
        }
        let joined = started.joined ? " (joined the sync already running)" : ""
        CLIOutput.note("sync #\(started.syncID) \(started.state.rawValue)\(joined)")
        guard wait else { return }
        try await follow(started.syncID, client: client)
    }

    private func follow(_ id: String, client: SocketClient) async throws {
        let terminal = isatty(STDERR_FILENO) == 1
        var lastLine = ""
        while true {
            let run: SyncRunReport
            do { run = try await client.get("/v1/sync/\(id)").document(SyncRunReport.self) } catch let refusal
                as SocketClient.Refusal
            {
                CLIOutput.fail("\(refusal)", code: 2)
            } catch {
                CLIOutput.fail("\(error)", code: 69)
            }
            let line = SyncRunText.progress(run)
            if line != lastLine {
                FileHandle.standardError.write(Data((terminal ? "\r\u{1B}[K" + line : line + "\n").utf8))
                lastLine = line
            }
            switch run.state {
            case .succeeded:
                if terminal { CLIOutput.note("") }
                CLIOutput.note("sync #\(id) succeeded: " + SyncRunText.summary(run))
                return
            case .failed:
                if terminal { CLIOutput.note("") }
                CLIOutput.error("sync #\(id) failed: \(run.reason ?? "see the daemon's log")")
                throw ExitCode(2)
            case .paused:
                if terminal { CLIOutput.note("") }
                CLIOutput.error("sync #\(id) is paused (\(run.reason ?? "?")); it resumes by itself")
                throw ExitCode(3)
            default:
                try await Task.sleep(for: .seconds(interval))
            }
        }
    }
}
