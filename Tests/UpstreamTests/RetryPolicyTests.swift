import Core
import Testing
import Upstream

@Suite("Retry backoff maths")
struct RetryPolicyTests {
    let policy = RetryPolicy(maximumAttempts: 6, baseDelay: .milliseconds(100), maximumDelay: .seconds(1))

    @Test("The waits are the backoff of the base delay capped at the maximum (BackoffTests has its maths)")
    func backoff() {
        #expect(policy.backoff == Backoff(base: .milliseconds(100), cap: .seconds(1)))
        #expect(
            policy.wait(beforeRetry: 3, remaining: .seconds(60), retryAfter: nil, unitRandom: 0.5)
                == .milliseconds(200))
    }

    @Test("No retry once the attempts are used up")
    func attemptsUsedUp() {
        #expect(policy.wait(beforeRetry: 5, remaining: .seconds(60), retryAfter: nil, unitRandom: 0.5) != nil)
        #expect(policy.wait(beforeRetry: 6, remaining: .seconds(60), retryAfter: nil, unitRandom: 0.5) == nil)
    }

    @Test("No retry whose wait would end after the call's deadline")
    func deadlineBoundsTheWait() {
        #expect(policy.wait(beforeRetry: 4, remaining: .milliseconds(300), retryAfter: nil, unitRandom: 0.5) == nil)
        #expect(
            policy.wait(beforeRetry: 4, remaining: .milliseconds(500), retryAfter: nil, unitRandom: 0.5)
                == .milliseconds(400))
    }

    @Test("A server's Retry-After raises the wait but never past the deadline")
    func retryAfterRaisesTheWait() {
        #expect(
            policy.wait(beforeRetry: 1, remaining: .seconds(10), retryAfter: .seconds(2), unitRandom: 0.1)
                == .seconds(2))
        #expect(policy.wait(beforeRetry: 1, remaining: .seconds(1), retryAfter: .seconds(2), unitRandom: 0.1) == nil)
    }

    @Test("A policy of one attempt never retries")
    func singleAttempt() {
        let once = RetryPolicy(maximumAttempts: 1)
        #expect(once.wait(beforeRetry: 1, remaining: .seconds(60), retryAfter: nil, unitRandom: 0) == nil)
    }
}
