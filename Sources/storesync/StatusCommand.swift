import ArgumentParser
import Daemon

/// `storesync status [--json]`: the daemon's state for a person (or as JSON).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show last and next sync, cache size, credits, rate-limit budget, auth and shelf push state.")

    @Flag(help: "Print the socket's JSON (the same as GET /v1/status).")
    var json = false

    @OptionGroup var socket: SocketOptions

    func run() async throws {
        let answer: SocketClient.Answer
        do { answer = try await socket.client().get("/v1/status") } catch {
            CLIOutput.fail("\(error)", code: 69)
        }
        do {
            let status = try answer.document(StatusDocument.self)
            print(json ? String(decoding: answer.body, as: UTF8.self) : StatusText.render(status))
        } catch {
            CLIOutput.fail("\(error)", code: 1)
        }
    }
}
