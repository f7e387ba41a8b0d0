import ArgumentParser
import Core

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
        guard answer.status == 200, let body = answer.json else {
            CLIOutput.fail(answer.errorMessage ?? "the daemon answered \(answer.status)", code: 1)
        }
        print(json ? String(decoding: answer.body, as: UTF8.self) : StatusText.render(body))
    }
}
