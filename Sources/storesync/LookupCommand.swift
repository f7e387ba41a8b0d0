import ArgumentParser
import Core
import Foundation

/// `storesync lookup BARCODE [--json]`: one scan-time lookup through the daemon's socket.
struct LookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup", abstract: "Look a barcode up through the running daemon, as a POS scan would.",
        discussion: """
            Exit status: 0 found, 1 not found, 2 invalid barcode, 3 upstream unavailable and not cached, \
            69 the daemon cannot be reached.
            """)

    @Argument(help: "The barcode (EAN-8, UPC-A, UPC-E, EAN-13 or GTIN-14).")
    var barcode: String

    @Flag(help: "Print the socket's JSON answer instead of the summary.")
    var json = false

    @OptionGroup var socket: SocketOptions

    func run() async throws {
        let path = "/v1/products/" + (barcode.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? barcode)
        let answer: SocketClient.Answer
        do { answer = try await socket.client().get(path) } catch {
            CLIOutput.fail("\(error)", code: 69)
        }
        if json {
            print(String(decoding: answer.body, as: UTF8.self))
        } else if answer.status == 200, let body = answer.json {
            print(LookupText.render(body))
        } else {
            CLIOutput.error(answer.errorMessage ?? "the daemon answered \(answer.status)")
        }
        switch answer.status {
        case 200: return
        case 404: throw ExitCode(1)
        case 400: throw ExitCode(2)
        default: throw ExitCode(3)
        }
    }
}
