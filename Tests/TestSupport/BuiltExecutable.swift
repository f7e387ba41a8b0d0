import Foundation

/// The executables this test run was built with (`storesync`, and `store-writer` for the kill tests).
public enum BuiltExecutable {
    /// The `storesync` executable, `nil` when it has not been built.
    public static var storesync: String? { named("storesync") }

    /// Executable `name` next to the test bundle (`.build/<triple>/debug/`), or in the package's
    /// `.build/debug/`; `nil` when it has not been built (`swift build --build-tests` builds it).
    public static func named(_ name: String) -> String? {
        var candidates: [String] = []
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(argument0.appendingPathComponent(name).path)
        if let bundle = Bundle.main.executableURL?.deletingLastPathComponent() {
            candidates.append(bundle.appendingPathComponent(name).path)
        }
        var package = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { package.deleteLastPathComponent() }
        candidates.append(package.appendingPathComponent(".build/debug/" + name).path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
