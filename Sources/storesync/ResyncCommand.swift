import ArgumentParser
import Core
import Foundation

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
        let request: JSONValue =
            barcodes.isEmpty
            ? ["mode": .string(full ? "full" : "delta")]
            : ["mode": "barcodes", "barcodes": .array(barcodes.map { .string($0) })]
        let started: SocketClient.Answer
        do { started = try await client.post("/v1/sync", json: request) } catch { CLIOutput.fail("\(error)", code: 69) }
        guard (200..<300).contains(started.status), let id = started.json?["sync_id"]?.stringValue else {
            CLIOutput.fail(started.errorMessage ?? "the daemon answered \(started.status)", code: 2)
        }
        let joined = started.status == 200 ? " (joined the sync already running)" : ""
        CLIOutput.note("sync #\(id) \(started.json?["state"]?.stringValue ?? "queued")\(joined)")
        guard wait else { return }
        try await follow(id, client: client)
    }

    private func follow(_ id: String, client: SocketClient) async throws {
        let terminal = isatty(STDERR_FILENO) == 1
        var lastLine = ""
        while true {
            let answer: SocketClient.Answer
            do { answer = try await client.get("/v1/sync/\(id)") } catch { CLIOutput.fail("\(error)", code: 69) }
            guard answer.status == 200, let run = answer.json else {
                CLIOutput.fail(answer.errorMessage ?? "the daemon answered \(answer.status)", code: 2)
            }
            let line = SyncRunText.progress(run)
            if line != lastLine {
                FileHandle.standardError.write(Data((terminal ? "\r\u{1B}[K" + line : line + "\n").utf8))
                lastLine = line
            }
            switch run["state"]?.stringValue {
            case "succeeded":
                if terminal { CLIOutput.note("") }
                CLIOutput.note("sync #\(id) succeeded: " + SyncRunText.summary(run))
                return
            case "failed":
                if terminal { CLIOutput.note("") }
                CLIOutput.error("sync #\(id) failed: \(run["reason"]?.stringValue ?? "see the daemon's log")")
                throw ExitCode(2)
            case "paused":
                if terminal { CLIOutput.note("") }
                CLIOutput.error("sync #\(id) is paused (\(run["reason"]?.stringValue ?? "?")); it resumes by itself")
                throw ExitCode(3)
            default:
                try await Task.sleep(for: .seconds(interval))
            }
        }
    }
}
