import Core
import Synchronization

/// The fault rules of a running sandbox. Decisions are deterministic under the fault seed: the
/// same rules and the same sequence of requests hit the same requests.
public final class SandboxFaults: Sendable {
    private struct State {
        var rules: [(rule: FaultRule, remaining: Int?)] = []
        var random: SeededRandom
    }

    private let state: Mutex<State>

    /// Creates an empty rule set whose probabilities draw from `seed`.
    public init(seed: UInt64) {
        state = Mutex(State(random: SeededRandom(seed: seed)))
    }

    /// Adds a rule after the existing ones (the first rule that fires wins).
    public func add(_ rule: FaultRule) {
        state.withLock { $0.rules.append((rule, rule.count)) }
    }

    /// Removes every rule.
    public func clear() {
        state.withLock { $0.rules.removeAll() }
    }

    /// The rules still able to fire, with their remaining counts folded into `count`.
    public var rules: [FaultRule] {
        state.withLock { state in
            state.rules.compactMap { entry in
                if entry.remaining == 0 { return nil }
                var rule = entry.rule
                rule.count = entry.remaining
                return rule
            }
        }
    }

    /// Decides whether a request to `endpoint` by `clientID` is hit, spending one use of the rule
    /// (rewrites aside: see ``rewrites(endpoint:clientID:)``).
    func pick(endpoint: SandboxEndpoint, clientID: String?) -> Fault? {
        state.withLock { state in
            for index in state.rules.indices {
                let (rule, remaining) = state.rules[index]
                guard remaining != 0, !rule.fault.isRewrite, rule.target.matches(endpoint) else { continue }
                if let wanted = rule.clientID, wanted != clientID { continue }
                if rule.probability < 1, !state.random.chance(rule.probability) { continue }
                if let remaining { state.rules[index].remaining = remaining - 1 }
                return rule.fault
            }
            return nil
        }
    }

    /// Every rewrite rule that fires on a request to `endpoint` by `clientID`, in rule order, each
    /// spending one use.
    func rewrites(endpoint: SandboxEndpoint, clientID: String?) -> [Fault] {
        state.withLock { state in
            var fired: [Fault] = []
            for index in state.rules.indices {
                let (rule, remaining) = state.rules[index]
                guard remaining != 0, rule.fault.isRewrite, rule.target.matches(endpoint) else { continue }
                if let wanted = rule.clientID, wanted != clientID { continue }
                if rule.probability < 1, !state.random.chance(rule.probability) { continue }
                if let remaining { state.rules[index].remaining = remaining - 1 }
                fired.append(rule.fault)
            }
            return fired
        }
    }
}
