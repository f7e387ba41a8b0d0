import Core
import Simulation
import Testing

/// The store month of `scripts/bench-days`, shortened: the same books, as a test.
@Suite("A simulated store week")
struct StoreMonthTests {
    @Test("Every day costs exactly the minimum, ends with no wrong product, and scans are fresh after good nights")
    func storeWeek() async throws {
        var setup = StoreMonth.Setup()
        setup.days = 4
        setup.products = 400
        setup.catalog = 100
        setup.scansPerDay = 120
        setup.failEvery = 4
        let days = try await StoreMonth.run(setup)
        #expect(days.contains { !$0.night.hasPrefix("ok") }, "no night failed: the test proves less than it says")
        for day in days {
            #expect(day.credits == day.minimum, "day \(day.day) spent \(day.credits), the minimum was \(day.minimum)")
            #expect(day.wrong == 0, "day \(day.day) ended with \(day.wrong) wrong products")
            if day.night.hasPrefix("ok") { #expect(day.freshShare >= 0.99, "day \(day.day): \(day.freshShare)") }
        }
    }
}
