import Core
import Testing

@Suite("Backoff maths")
struct BackoffTests {
    let retry = Backoff(base: .milliseconds(100), cap: .seconds(1))
    let shelf = Backoff(base: .seconds(1), cap: .seconds(60), longestRetryAfter: .seconds(300))

    @Test("The ceiling doubles from the base per failure and stops at the cap")
    func ceilingDoublesThenCaps() {
        #expect(
            (1...6).map { retry.ceiling(attempt: $0) } == [
                .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1),
                .seconds(1),
            ])
        #expect(shelf.ceiling(attempt: 4) == .seconds(8))
        #expect(shelf.ceiling(attempt: 7) == .seconds(60))
        #expect(shelf.ceiling(attempt: 1000) == .seconds(60))
        #expect(shelf.ceiling(attempt: Int.max) == .seconds(60))
    }

    @Test("An attempt below one counts as the first")
    func attemptBelowOne() {
        #expect(shelf.ceiling(attempt: 0) == .seconds(1))
        #expect(shelf.ceiling(attempt: -5) == .seconds(1))
    }

    @Test("Full jitter scales the ceiling by the draw, from zero up to the ceiling and never above it")
    func fullJitter() {
        #expect(retry.delay(attempt: 3, unit: 0) == .zero)
        #expect(retry.delay(attempt: 3, unit: 0.5) == .milliseconds(200))
        #expect(retry.delay(attempt: 3, unit: 0.25) == .milliseconds(100))
        #expect(retry.delay(attempt: 30, unit: 0.5) == .milliseconds(500))
        #expect(shelf.delay(attempt: 3, unit: 1) == .seconds(4))
        #expect(shelf.delay(attempt: 3, unit: 7) == .seconds(4))
        #expect(shelf.delay(attempt: 3, unit: -1) == .zero)
        #expect(shelf.delay(attempt: 3, unit: .nan) == .zero)
        for _ in 0..<100 {
            let delay = shelf.delay(attempt: 5)
            #expect(delay >= .zero && delay <= .seconds(16))
        }
    }

    @Test("A server's Retry-After is a floor on the wait, itself capped when a cap is set")
    func retryAfterFloor() {
        #expect(shelf.delay(attempt: 1, unit: 0.5, retryAfter: .seconds(30)) == .seconds(30))
        #expect(shelf.delay(attempt: 9, unit: 1, retryAfter: .seconds(5)) == .seconds(60))
        #expect(shelf.delay(attempt: 1, unit: 0, retryAfter: .seconds(3600)) == .seconds(300))
        #expect(retry.delay(attempt: 1, unit: 0.1, retryAfter: .seconds(3600)) == .seconds(3600))
    }
}
