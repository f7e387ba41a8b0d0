import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TestSupport
import Testing

@testable import Daemon

@Suite("Watchdog")
struct WatchdogServiceTests {
    @Test("The ping interval is half of WATCHDOG_USEC, and only for the process WATCHDOG_PID names")
    func interval() {
        #expect(WatchdogService.pingInterval(environment: ["WATCHDOG_USEC": "30000000"], pid: 7) == .seconds(15))
        #expect(
            WatchdogService.pingInterval(environment: ["WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "7"], pid: 7)
                == .seconds(1))
        #expect(
            WatchdogService.pingInterval(environment: ["WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "8"], pid: 7) == nil)
        #expect(WatchdogService.pingInterval(environment: ["WATCHDOG_USEC": "0"], pid: 7) == nil)
        #expect(WatchdogService.pingInterval(environment: [:], pid: 7) == nil)
        let logger = Logger(label: "test")
        #expect(WatchdogService.fromEnvironment(["WATCHDOG_USEC": "1000000"], logger: logger) == nil)
        #expect(
            WatchdogService.fromEnvironment(["WATCHDOG_USEC": "1000000", "NOTIFY_SOCKET": "/x"], logger: logger)?
                .interval
                == .milliseconds(500))
    }

    @Test("It pings WATCHDOG=1 repeatedly and ends when the service group shuts down gracefully")
    func pingsUntilShutdown() async throws {
        let directory = try TestDirectory("watchdog")
        defer { directory.remove() }
        let receiver = try DatagramReceiver(address: directory.path + "/notify.sock")
        let environment = ["NOTIFY_SOCKET": receiver.address, "WATCHDOG_USEC": "40000", "WATCHDOG_PID": "\(getpid())"]
        let logger = Logger(label: "test")
        let watchdog = try #require(WatchdogService.fromEnvironment(environment, logger: logger))
        #expect(watchdog.interval == .milliseconds(20))
        let group = ServiceGroup(configuration: .init(services: [watchdog], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            for _ in 0..<3 { #expect(await receiver.next() == "WATCHDOG=1") }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        while await receiver.next(timeout: .milliseconds(60)) != nil {}
        #expect(await receiver.next(timeout: .milliseconds(100)) == nil, "no pings after shutdown")
    }

    @Test("A failing health check withholds the pings")
    func healthCheck() async throws {
        let directory = try TestDirectory("watchdog")
        defer { directory.remove() }
        let receiver = try DatagramReceiver(address: directory.path + "/notify.sock")
        let health = HealthFlag()
        let watchdog = WatchdogService(
            notifier: SystemdNotifier(socketAddress: receiver.address), interval: .milliseconds(10),
            logger: Logger(label: "test")
        ) {
            health.checks.add(1, ordering: .relaxed)
            return health.healthy.load(ordering: .relaxed)
        }
        let group = ServiceGroup(configuration: .init(services: [watchdog], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await eventually("three health checks") { health.checks.load(ordering: .relaxed) >= 3 }
            #expect(receiver.receive(timeout: .zero) == nil, "nothing was sent while unhealthy")
            health.healthy.store(true, ordering: .relaxed)
            #expect(await receiver.next() == "WATCHDOG=1")
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
