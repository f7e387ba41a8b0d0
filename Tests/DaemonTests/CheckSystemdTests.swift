import Foundation
import Testing

@Suite("scripts/check-systemd")
struct CheckSystemdTests {
    @Test("The unit passes verify and rates an exposure of at most 1.0")
    func unitPasses() async throws {
        let directory = try TestDirectory("check")
        defer { directory.remove() }
        let run = try await ScriptRun.run("scripts/check-systemd", [], in: directory)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("Overall exposure level for storesync.service"))
        #expect(run.errors.contains("check-systemd: ok"))
    }

    @Test("The unit protects the POS: memory limits, the OOM killer's choice, no core dumps, no restart loops")
    func unitProtectsThePOS() throws {
        let unit = try String(contentsOfFile: Repository.root + "/systemd/storesync.service", encoding: .utf8)
        let settings = Dictionary(
            unit.split(separator: "\n").compactMap { line -> (String, String)? in
                guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { return nil }
                return (String(line[..<equals]), String(line[line.index(after: equals)...]))
            }, uniquingKeysWith: { first, _ in first })
        #expect(settings["MemoryHigh"] == "256M")
        #expect(settings["MemoryMax"] == "384M")
        #expect(settings["OOMScoreAdjust"].flatMap { Int($0) }.map { $0 > 0 } == true)
        #expect(settings["LimitCORE"] == "0")
        #expect(settings["RestartPreventExitStatus"] == "78")
        #expect(settings["StartLimitBurst"] != nil && settings["StartLimitIntervalSec"] != nil)
    }

    @Test("A lower threshold than the unit's exposure fails, so the check can fail")
    func thresholdFails() async throws {
        let directory = try TestDirectory("check")
        defer { directory.remove() }
        let run = try await ScriptRun.run("scripts/check-systemd", ["--threshold=2"], in: directory)
        #expect(run.status != 0)
        #expect(run.errors.contains("exposure above 0.2"))
    }

    @Test("A unit that verify complains about fails the check")
    func verifyProblemsFail() async throws {
        let directory = try TestDirectory("check")
        defer { directory.remove() }
        let unit = try String(contentsOfFile: Repository.root + "/systemd/storesync.service", encoding: .utf8)
        let broken = try directory.write(
            "storesync.service", unit.replacingOccurrences(of: "Restart=on-failure", with: "Restart=sometimes"))
        let run = try await ScriptRun.run("scripts/check-systemd", ["--unit=\(broken)"], in: directory)
        #expect(run.status != 0)
        #expect(run.errors.contains("verify reported problems"))
    }
}
