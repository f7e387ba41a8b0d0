import Core
import Foundation
import Sandbox

/// A simulated store month: every night 0.5–2 % of the catalog changes upstream (metadata, new
/// photos, products added and deleted) and the nightly delta runs (a full refresh every 7th night); one night in five fails
/// (upstream down, or a 429 storm) and upstream is back by morning; every day the lanes scan
/// catalog products drawn Zipf-like, walk-in products the catalog does not list, unknown barcodes
/// and mis-scans, through the real socket. ``run(_:report:)`` measures each day against the
/// sandbox's ground truth (``StoreDay``).
public enum StoreMonth {
    /// How the month is set up.
    public struct Setup: Sendable {
        public var days = 30
        /// Upstream products (the store carries `catalog` of them).
        public var products = 1_200
        public var catalog = 300
        /// Upstream products the store does not list but sometimes sells (walk-ins).
        public var walkIns = 40
        public var scansPerDay = 360
        public var seed: UInt64 = 7
        /// Every `failEvery`-th night fails (0: none).
        public var failEvery = 5
        public init() {}
    }

    /// Runs the month; `report` sees each day as it ends.
    public static func run(
        _ setup: Setup, report: @escaping @Sendable (StoreDay) -> Void = { _ in }
    ) async throws -> [StoreDay] {
        var world = StoreWorld.Setup()
        world.products = setup.products
        world.seed = setup.seed
        world.requestsPerDay = 10_000
        world.requestsPerMinute = 600
        let pick: @Sendable (Sandbox) -> [String] = { sandbox in
            Array(StoreMonthState.upstream(sandbox).prefix(setup.catalog))
        }
        return try await StoreWorld.run(world, catalog: pick) { world in
            var state = StoreMonthState(world: world, setup: setup)
            var days: [StoreDay] = []
            for day in 0...setup.days {
                let figures = try await state.live(day: day)
                days.append(figures)
                report(figures)
            }
            return days
        }
    }
}
