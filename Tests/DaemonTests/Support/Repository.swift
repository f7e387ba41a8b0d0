import Foundation

/// The checkout this test file lives in (for `config/`, `scripts/`, `systemd/`).
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()
}
