import Foundation

/// The demo's terminal output: titles, lines, and a progress line that rewrites itself on a
/// terminal (one line per change otherwise).
struct DemoOutput: Sendable {
    let terminal = isatty(STDOUT_FILENO) == 1

    func title(_ text: String) {
        line("\n" + (terminal ? "\u{1B}[1m\(text)\u{1B}[0m" : "== \(text)"))
    }

    func line(_ text: String) { write(text + "\n") }

    func progress(_ text: String) {
        if terminal { write("\r\u{1B}[K   " + text) } else { line("   " + text) }
    }

    func endProgress() {
        if terminal { write("\n") }
    }

    private func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
}
