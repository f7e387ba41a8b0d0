import Foundation

/// The `storesync` executable this test run was built with.
public enum BuiltExecutable {
    /// Next to the test bundle (`.build/<triple>/debug/`), or the package's `.build/debug/`;
    /// `nil` when it has not been built (`swift build --build-tests` builds it).
    public static var storesync: String? {
        var candidates: [String] = []
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(argument0.appendingPathComponent("storesync").path)
        if let bundle = Bundle.main.executableURL?.deletingLastPathComponent() {
            candidates.append(bundle.appendingPathComponent("storesync").path)
        }
        var package = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { package.deleteLastPathComponent() }
        candidates.append(package.appendingPathComponent(".build/debug/storesync").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
