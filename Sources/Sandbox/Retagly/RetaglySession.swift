import Core
import Foundation

/// A batch session of one store as the sandbox keeps it: what was pushed, and once completed,
/// its schedule and what processing has done so far (advanced by ``RetaglyStore/settle(at:timing:)``).
struct RetaglySession: Sendable {
    /// How long a session may stay open: 30 minutes from its start.
    static let lifetime: TimeInterval = 30 * 60

    let id: String
    /// 1, 2, … across all stores: the index of the session's fault draws.
    let number: UInt64
    let startedAt: Date
    var expiresAt: Date { startedAt.addingTimeInterval(Self.lifetime) }
    /// Every product entry pushed, in push order, unvalidated (saving validates them).
    var received: [JSONValue] = []
    /// Set by `/batch/complete`.
    var schedule: RetaglySchedule?
    /// Seed for this session's display confirmations.
    var seed: UInt64 = 0
    /// Drawn at completion: the session fails halfway through display sync.
    var fails = false
    /// Drawn at completion: the probability that a bound display never confirms.
    var unconfirmedRate = 0.0
    /// Entries processed (saved or rejected) so far.
    var processed = 0
    var productsSaved = 0
    /// Distinct barcodes saved, for `tagsTotal`.
    var savedBarcodes: Set<String> = []
    var tagsTotal = 0
    var errors: [RetaglyItemError] = []
    /// The check at which each bound display confirms (`nil`: never); filled once saving ends.
    var confirmChecks: [Int?]?

    init(id: String, number: UInt64, startedAt: Date) {
        self.id = id
        self.number = number
        self.startedAt = startedAt
    }

    /// Whether `/batch/complete` was called.
    var isCompleted: Bool { schedule != nil }

    /// Whether the session expired unfinished at `now`.
    func isExpired(at now: Date) -> Bool { !isCompleted && now >= expiresAt }

    /// Draws the verification check of every display bound to the saved barcodes, once saving ended.
    mutating func planConfirmations(timing: RetaglyTiming) {
        let checks = max(1, min(timing.checksToConfirm, timing.maximumChecks))
        var plan: [Int?] = []
        for barcode in savedBarcodes.sorted() {
            let stream = RetaglyRandom.hash(barcode)
            for display in 0..<RetaglyDisplays.count(for: barcode) {
                let never = RetaglyRandom.unit(seed: seed, stream: stream, index: UInt64(display * 2))
                let when = RetaglyRandom.unit(seed: seed, stream: stream, index: UInt64(display * 2 + 1))
                plan.append(never < unconfirmedRate ? nil : 1 + Int(when * Double(checks)))
            }
        }
        confirmChecks = plan
    }

    /// The verification check after which the session is completed.
    func lastCheck(timing: RetaglyTiming) -> Int {
        guard let confirmChecks else { return timing.maximumChecks }
        if confirmChecks.contains(where: { $0 == nil }) { return timing.maximumChecks }
        return max(1, confirmChecks.compactMap { $0 }.max() ?? 1)
    }

    /// The instant processing ends (completed), once saving is planned.
    func completionTime(timing: RetaglyTiming) -> Date? {
        guard let schedule, confirmChecks != nil else { return nil }
        return schedule.checkTime(lastCheck(timing: timing))
    }
}
