/// Finds repeated deliveries in a store's write history (pure; see
/// ``RetaglySandbox/repeatedDeliveries(token:)``).
enum RetaglyDeliveryAudit {
    /// The writes that left their product exactly as it was (ignoring `updatedAt`), each with the
    /// write before it and, where the sandbox gave the client a reason to resend, an excuse.
    ///
    /// - Parameters:
    ///   - writes: the store's writes in order.
    ///   - delayedSequences: ledger sequences of requests whose answers a delay fault held back.
    ///   - failedSessions: ids of the store's sessions that failed.
    static func repeats(
        in writes: [RetaglyWrite], delayedSequences: Set<Int>, failedSessions: Set<String>
    ) -> [RetaglyRepeatedDelivery] {
        var state: [String: RetaglyProduct] = [:]
        var last: [String: RetaglyWrite] = [:]
        var found: [RetaglyRepeatedDelivery] = []
        for write in writes {
            let barcode = write.change.barcode
            let before = state[barcode]
            let after = write.change.applied(to: before, at: write.time)
            if let before, var after, let previous = last[barcode] {
                after.updatedAt = before.updatedAt
                if after == before {
                    var excuse: String?
                    if let sequence = previous.ledgerSequence, delayedSequences.contains(sequence) {
                        excuse = "the previous delivery's answer was delayed by an injected fault"
                    } else if let session = previous.sessionId, failedSessions.contains(session) {
                        excuse = "the previous delivery's session \(session) failed"
                    }
                    found.append(RetaglyRepeatedDelivery(write: write, previous: previous, excuse: excuse))
                }
            }
            if let after { state[barcode] = after }
            last[barcode] = write
        }
        return found
    }
}
