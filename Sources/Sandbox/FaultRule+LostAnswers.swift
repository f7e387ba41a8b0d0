extension FaultRule {
    /// The lost-answer profile: on every paid endpoint (product GET, image redirect, bulk-check) a
    /// share of about `probability` of the requests is processed and charged, then loses its answer —
    /// a third each by a cut body, a reset and a stall of `stall` (make it longer than the client
    /// waits). Deterministic under the sandbox's fault seed.
    /// `targets` narrows the profile to some of those endpoints.
    public static func lostAnswers(
        probability: Double, stall: Duration, clientID: String? = nil,
        targets: [FaultTarget] = [.productGet, .imageRedirect, .bulkCheck]
    ) -> [FaultRule] {
        let share = min(max(probability, 0), 1) / 3
        let kinds: [LostAnswer] = [.cutBody, .reset, .stall(stall)]
        return targets.flatMap { target in
            kinds.map { FaultRule(.lostAnswer($0), target: target, clientID: clientID, probability: share) }
        }
    }
}
