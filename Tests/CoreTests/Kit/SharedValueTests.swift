import Core
import Testing

@Suite("The single-flight value")
struct SharedValueTests {
    @Test("Every waiter, present and future, gets the first value fulfilled")
    func everyWaiterGetsTheFirstValue() async {
        let shared = SharedValue<Int>()
        #expect(shared.current == nil)
        async let first = shared.wait()
        async let second = shared.wait()
        shared.fulfil(1)
        shared.fulfil(2)
        #expect(await first == 1)
        #expect(await second == 1)
        #expect(await shared.wait() == 1)
        #expect(shared.current == 1)
    }

    @Test("A cancelled waiter gets nil at once; the others and the value are unaffected")
    func cancelledWaiter() async {
        let shared = SharedValue<String>()
        let cancelled = Task { await shared.wait() }
        let patient = Task { await shared.wait() }
        cancelled.cancel()
        #expect(await cancelled.value == nil)
        shared.fulfil("done")
        #expect(await patient.value == "done")
    }

    @Test("A waiter with a deadline gets nil when it passes, and the value when it is there")
    func deadline() async {
        let shared = SharedValue<Int>()
        #expect(await shared.wait(until: .now + .milliseconds(20)) == nil)
        shared.fulfil(5)
        #expect(await shared.wait(until: .now - .seconds(1)) == 5)
        #expect(await shared.wait(until: .now + .seconds(3600)) == 5)
    }

    @Test("A value fulfilled while a waiter with a far deadline waits ends the wait")
    func fulfilledDuringDeadlineWait() async {
        let shared = SharedValue<Int>()
        async let waited = shared.wait(until: .now + .seconds(3600))
        shared.fulfil(9)
        #expect(await waited == 9)
    }
}
