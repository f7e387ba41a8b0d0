import ArgumentParser
import Daemon

/// `storesync usage [--month YYYY-MM] [--csv | --json]`: the month's requests and credits per UTC
/// day as Retail Digitals counted them (`/usage`, free), beside the daemon's own spend ledger.
struct UsageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Show the month's requests and credits per day, upstream's figures beside storesync's ledger.")

    @Option(help: "The month as YYYY-MM (default: this UTC month).")
    var month: String?

    @Flag(help: "Print CSV (date,requests,credits,ledger_credits) for a spreadsheet or an invoice.")
    var csv = false

    @Flag(help: "Print the socket's JSON (GET /v1/usage).")
    var json = false

    @OptionGroup var socket: SocketOptions

    func run() async throws {
        let path = "/v1/usage" + (month.map { "?month=\($0)" } ?? "")
        let answer: SocketClient.Answer
        do { answer = try await socket.client().get(path) } catch {
            CLIOutput.fail("\(error)", code: 69)
        }
        do {
            let usage = try answer.document(UsageDocument.self)
            if json {
                print(String(decoding: answer.body, as: UTF8.self))
            } else {
                print(UsageText.render(usage, csv: csv), terminator: "")
            }
        } catch {
            CLIOutput.fail("\(error)", code: 1)
        }
    }
}
