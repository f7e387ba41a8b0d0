import Foundation
import Testing

@testable import Daemon

@Suite("sd_notify over a real datagram socket")
struct SystemdNotifierTests {
    @Test("READY, STATUS, STOPPING, RELOADING with MONOTONIC_USEC and WATCHDOG arrive as systemd reads them")
    func messages() throws {
        let directory = try TestDirectory("notify")
        defer { directory.remove() }
        let receiver = try DatagramReceiver(address: directory.path + "/notify.sock")
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address]))

        try notifier.ready(status: "serving\nlookups")
        #expect(receiver.receive() == "READY=1\nSTATUS=serving lookups")
        try notifier.status("syncing 10/200")
        #expect(receiver.receive() == "STATUS=syncing 10/200")
        try notifier.watchdog()
        #expect(receiver.receive() == "WATCHDOG=1")
        let before = SystemdNotifier.monotonicMicroseconds()
        try notifier.reloading()
        let reloading = try #require(receiver.receive())
        let lines = reloading.split(separator: "\n")
        #expect(lines.first == "RELOADING=1")
        let micros = try #require(lines.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) })
        #expect(lines.last?.hasPrefix("MONOTONIC_USEC=") == true)
        #expect(micros >= before && micros <= SystemdNotifier.monotonicMicroseconds())
        try notifier.stopping(status: "shutting down")
        #expect(receiver.receive() == "STOPPING=1\nSTATUS=shutting down")
        try notifier.extendTimeout(by: .seconds(30))
        #expect(receiver.receive() == "EXTEND_TIMEOUT_USEC=30000000")
    }

    @Test("An abstract-namespace NOTIFY_SOCKET (@name) works too")
    func abstractAddress() throws {
        let receiver = try DatagramReceiver(address: "@storesync-test-\(UUID().uuidString)")
        try SystemdNotifier(socketAddress: receiver.address).ready()
        #expect(receiver.receive() == "READY=1")
    }

    @Test("Without NOTIFY_SOCKET there is no notifier; a socket nobody listens on is an error")
    func absentOrDeadSocket() throws {
        #expect(SystemdNotifier(environment: [:]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": ""]) == nil)
        let directory = try TestDirectory("notify")
        defer { directory.remove() }
        #expect(throws: SystemdNotifyError.self) {
            try SystemdNotifier(socketAddress: directory.path + "/nobody.sock").ready()
        }
    }
}
