import Foundation
import Testing

@Suite("scripts/install")
struct InstallScriptTests {
    @Test("Installing twice into a scratch DESTDIR changes nothing the second time, with the documented modes")
    func idempotentInstall() async throws {
        let directory = try TestDirectory("install")
        defer { directory.remove() }
        let root = directory.path + "/root"
        let arguments = ["--binary", "/bin/true", "--destdir", root]
        let first = try await ScriptRun.run("scripts/install", arguments, in: directory)
        #expect(first.status == 0, "\(first.errors)")
        let before = try FileTree(root)
        let second = try await ScriptRun.run("scripts/install", arguments, in: directory)
        #expect(second.status == 0, "\(second.errors)")
        let after = try FileTree(root)
        #expect(before == after)
        for word in ["installed ", "created ", "mode ", "owner "] {
            #expect(!second.errors.contains("install: \(word)"), "second run: \(second.errors)")
        }

        #expect(before.mode("usr/local/bin/storesync") == 0o755)
        #expect(before.mode("usr/local/lib/systemd/system/storesync.service") == 0o644)
        #expect(before.mode("usr/local/lib/systemd/system/storesync.socket") == 0o644)
        #expect(before.mode("usr/local/share/doc/storesync/operations.md") == 0o644)
        #expect(before.mode("etc/storesync") == 0o750)
        #expect(before.mode("etc/storesync/storesync.yaml") == 0o640)
        #expect(before.mode("etc/credstore") == 0o700)
        let example = try Data(contentsOf: URL(fileURLWithPath: Repository.root + "/config/storesync.yaml"))
        #expect(before.entries["etc/storesync/storesync.yaml"]?.content == example)
        let unit = try String(contentsOfFile: root + "/usr/local/lib/systemd/system/storesync.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/local/bin/storesync serve"))
        let socket = try String(
            contentsOfFile: root + "/usr/local/lib/systemd/system/storesync.socket", encoding: .utf8)
        #expect(socket.contains("ListenStream=/run/storesync/lookup.sock"))
        #expect(first.errors.contains("skipped creating the storesync user and the groups storesync and storesync-pos"))
        #expect(first.errors.contains("skipped systemctl daemon-reload"))
    }

    @Test(
        "The socket belongs to the client group storesync-pos, and the configuration's group storesync stays the daemon's"
    )
    func socketGroup() async throws {
        let directory = try TestDirectory("install")
        defer { directory.remove() }
        let root = directory.path + "/root"
        let run = try await ScriptRun.run(
            "scripts/install", ["--binary", "/bin/true", "--destdir", root], in: directory)
        #expect(run.status == 0, "\(run.errors)")
        let units = root + "/usr/local/lib/systemd/system/"
        let service = try Self.settings(units + "storesync.service")
        let socket = try Self.settings(units + "storesync.socket")
        // The daemon's primary group owns what it creates: the socket it binds and RuntimeDirectory.
        #expect(service["Group"] == ["storesync-pos"])
        #expect(service["SupplementaryGroups"] == ["storesync"])
        #expect(service["RuntimeDirectoryMode"] == ["0750"])
        #expect(service["StateDirectoryMode"] == ["0700"])
        #expect(socket["SocketGroup"] == ["storesync-pos"])
        #expect(socket["SocketMode"] == ["0660"])
        #expect(run.errors.contains("groupadd --system storesync-pos"))
        #expect(run.errors.contains("usermod -aG storesync-pos POSUSER"))
        // POS clients are pointed at the socket's image url, never at the 0700 state directory.
        let readme = try String(contentsOfFile: Repository.root + "/README.md", encoding: .utf8)
        #expect(readme.contains("group `storesync-pos`"))
        #expect(!readme.contains("or read `path`"))
    }

    /// The `Key=value` lines of a unit file, every value of each key in order.
    static func settings(_ path: String) throws -> [String: [String]] {
        var settings: [String: [String]] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#")
        {
            guard let equals = line.firstIndex(of: "=") else { continue }
            settings[String(line[..<equals]), default: []].append(String(line[line.index(after: equals)...]))
        }
        return settings
    }

    @Test("An edited configuration is never overwritten: the new example goes beside it as .dist")
    func editedConfigurationKept() async throws {
        let directory = try TestDirectory("install")
        defer { directory.remove() }
        let root = directory.path + "/root"
        let edited = "# edited by the store\nsync:\n  at: \"04:00\"\n"
        try directory.write("root/etc/storesync/storesync.yaml", edited, mode: 0o644)
        try directory.write("root/etc/credstore/rd_api_key", "sk_live_fake_installed_key", mode: 0o644)
        let run = try await ScriptRun.run(
            "scripts/install", ["--binary", "/bin/true", "--destdir", root], in: directory)
        #expect(run.status == 0, "\(run.errors)")
        let tree = try FileTree(root)
        #expect(tree.entries["etc/storesync/storesync.yaml"]?.content == Data(edited.utf8))
        #expect(tree.mode("etc/storesync/storesync.yaml") == 0o640)
        #expect(tree.mode("etc/storesync/storesync.yaml.dist") == 0o640)
        #expect(tree.mode("etc/credstore/rd_api_key") == 0o600)
        #expect(run.errors.contains("storesync.yaml.dist"))
    }

    @Test("--uninstall removes what install put there but keeps an edited config; --purge removes everything")
    func uninstall() async throws {
        let directory = try TestDirectory("install")
        defer { directory.remove() }
        let root = directory.path + "/root"
        let install = try await ScriptRun.run(
            "scripts/install", ["--binary", "/bin/true", "--destdir", root], in: directory)
        #expect(install.status == 0, "\(install.errors)")
        try directory.write("root/etc/storesync/storesync.yaml", "log: {level: debug}\n", mode: 0o640)
        try directory.write("root/var/lib/storesync/storesync.sqlite", "db", mode: 0o600)
        try directory.write("root/etc/credstore/rd_api_key", "sk_live_x_key", mode: 0o600)

        let removal = try await ScriptRun.run("scripts/install", ["--uninstall", "--destdir", root], in: directory)
        #expect(removal.status == 0, "\(removal.errors)")
        var tree = try FileTree(root)
        #expect(tree.mode("usr/local/bin/storesync") == nil)
        #expect(tree.mode("usr/local/lib/systemd/system/storesync.service") == nil)
        #expect(tree.mode("usr/local/lib/systemd/system/storesync.socket") == nil)
        #expect(tree.mode("usr/local/share/doc/storesync") == nil)
        #expect(tree.mode("etc/storesync/storesync.yaml") != nil)
        #expect(tree.mode("var/lib/storesync/storesync.sqlite") != nil)
        #expect(tree.mode("etc/credstore/rd_api_key") != nil)

        let purge = try await ScriptRun.run(
            "scripts/install", ["--uninstall", "--purge", "--destdir", root], in: directory)
        #expect(purge.status == 0, "\(purge.errors)")
        tree = try FileTree(root)
        #expect(tree.mode("etc/storesync") == nil)
        #expect(tree.mode("var/lib/storesync") == nil)
        #expect(tree.mode("etc/credstore/rd_api_key") == nil)
    }

    @Test("Bad arguments are refused before anything is installed")
    func badArguments() async throws {
        let directory = try TestDirectory("install")
        defer { directory.remove() }
        let root = directory.path + "/root"
        for arguments in [
            ["--purge", "--destdir", root], ["--prefix", "relative", "--destdir", root], ["--frobnicate"],
        ] {
            let run = try await ScriptRun.run("scripts/install", arguments + ["--binary", "/bin/true"], in: directory)
            #expect(run.status == 2, "\(arguments)")
        }
        let missing = try await ScriptRun.run(
            "scripts/install", ["--binary", directory.path + "/nope", "--destdir", root], in: directory)
        #expect(missing.status != 0)
        #expect(!FileManager.default.fileExists(atPath: root + "/usr/local/bin/storesync"))
    }
}
