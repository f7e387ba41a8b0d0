// swift-tools-version:6.2
// storesync: the in-store sync daemon of a POS platform.
//
// Imports point one way:
//   storesync (CLI) → Daemon → Lookup, Sync, Shelf → Upstream, Store → Core, CSQLite
//   Sandbox (both emulated APIs) → Core; used by tests, `storesync demo` and benchmarks.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "storesync",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "storesync", targets: ["storesync"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: [.defaults, "YAML"]),
        // Already pulled in by swift-configuration's YAML trait; the Daemon reads a file's keys with it
        // to warn about unknown (misspelt) keys.
        .package(url: "https://github.com/jpsim/Yams", "5.4.0"..<"7.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // SQLite from the system (Debian: libsqlite3-dev), as the user asked: no SQLite package.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Shared value types and pure rules: barcodes, credits, money, JSON, dates, durations; the
        // concurrency and time kit (single flight, deadlines, wake signal, backoff, clock, seeded random).
        .target(
            name: "Core",
            swiftSettings: swiftSettings
        ),
        // Emulator of both upstream APIs (Retail Digitals and Retagly), faithful to the contracts.
        .target(
            name: "Sandbox",
            dependencies: [
                "Core",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The state directory: SQLite cache, sync state, queues, outbox, token store, image store.
        .target(
            name: "Store",
            dependencies: [
                "Core",
                "CSQLite",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The Retail Digitals client: tokens, pacing, retries, costs, image download.
        .target(
            name: "Upstream",
            dependencies: [
                "Core",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Nightly delta sync, bulk-check prefilter, scheduler, budgets, resync.
        .target(
            name: "Sync",
            dependencies: [
                "Core",
                "Store",
                "Upstream",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Retagly shelf-display push: outbox, pusher, batch sessions.
        .target(
            name: "Shelf",
            dependencies: [
                "Core",
                "Store",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The local socket API (HTTP/1.1 + JSON on a Unix socket), hot path on plain SwiftNIO.
        .target(
            name: "Lookup",
            dependencies: [
                "Core",
                "Store",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Configuration, wiring of every service, systemd integration, logging, metrics.
        .target(
            name: "Daemon",
            dependencies: [
                "Core",
                "Store",
                "Upstream",
                "Sync",
                "Shelf",
                "Lookup",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings
        ),
        // The one executable: `storesync serve|resync|lookup|status|usage|verify|sandbox|demo`.
        .executableTarget(
            name: "storesync",
            dependencies: [
                "Core",
                "Store",
                "Upstream",
                "Sync",
                "Shelf",
                "Lookup",
                "Daemon",
                "Sandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        // Shared test helpers: temporary directories, an embedded sandbox, raw HTTP over sockets.
        .target(
            name: "TestSupport",
            dependencies: [
                "Core",
                "Sandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        // A store in a box for tests and benchmarks: the sandbox and an in-process daemon on one clock.
        .target(
            name: "Simulation",
            dependencies: [
                "Core", "Daemon", "Lookup", "Sandbox", "Store", "Sync", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/Simulation",
            swiftSettings: swiftSettings
        ),
        // `store-writer`: writes to a state directory through `Store`, for the tests that kill it
        // mid-write (`KillTests`); built with the tests, never shipped.
        .executableTarget(
            name: "store-writer",
            dependencies: [
                "Core", "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/StoreWriter",
            swiftSettings: swiftSettings
        ),
        // `scripts/bench-days`: a simulated store month, printed day by day.
        .executableTarget(
            name: "bench-days",
            dependencies: ["Core", "Simulation"],
            path: "Benchmarks/BenchDays",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CoreTests", dependencies: ["Core"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SandboxTests",
            dependencies: [
                "Core", "Sandbox", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Core", "Store", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "UpstreamTests",
            dependencies: [
                "Core", "Upstream", "Store", "Sandbox", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SyncTests",
            dependencies: ["Core", "Sync", "Store", "Upstream", "Sandbox", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ShelfTests",
            dependencies: [
                "Core", "Shelf", "Store", "Sandbox", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LookupTests",
            dependencies: [
                "Core", "Lookup", "Store", "Sandbox", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DaemonTests",
            dependencies: [
                "Core", "Daemon", "Sandbox", "Shelf", "Simulation", "Store", "Sync", "TestSupport", "storesync",
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
