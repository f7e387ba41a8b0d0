import Core
import Synchronization

/// Change counters for what the lookup hot path derives from the cache (encoded answers, image
/// rows), shared by a ``Database`` and its product readers: a value derived for a barcode stays
/// current while that barcode's ``ChangeStamp`` is unchanged, checked with two atomic loads instead
/// of a SQLite read.
///
/// Barcodes share a fixed table of counters (`slotCount`, by a hash of their digits): a write moves
/// the counter of every barcode it changed, so it also retires values of the few barcodes that share
/// a counter with them (harmless: they are read again). The epoch moves for a write that changed too
/// many barcodes to list (``ChangedBarcodes``): every stamp changes.
final class AnswerGenerations: Sendable {
    /// How many counters barcodes share (a power of two).
    static let slotCount = 4096
    private let epoch = Atomic<UInt64>(0)
    private let slots: InlineArray<4096, Atomic<UInt64>>

    init() { slots = InlineArray { _ in Atomic(0) } }

    /// The current stamp of `barcode`. Read it before reading the data a value derives from: a write
    /// committed in between then makes the value look older, never newer.
    func stamp(of barcode: Barcode) -> ChangeStamp {
        let epoch = self.epoch.load(ordering: .acquiring)
        let barcode = slots[Self.slot(of: barcode)].load(ordering: .acquiring)
        return ChangeStamp(epoch: epoch, barcode: barcode)
    }

    /// Publishes what one committed write transaction changed (after its `COMMIT`, so a reader that
    /// sees the new stamp sees the data too).
    func publish(_ changes: ChangedBarcodes) {
        if changes.everything {
            epoch.add(1, ordering: .releasing)
            return
        }
        for barcode in changes.barcodes {
            slots[Self.slot(of: barcode)].add(1, ordering: .releasing)
        }
    }

    /// The counter `barcode` uses: its digits as a number, Fibonacci-hashed to `slotCount`.
    static func slot(of barcode: Barcode) -> Int {
        var value: UInt64 = 0
        for byte in barcode.digits.utf8 { value = value &* 10 &+ UInt64(byte &- 48) }
        return Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> 52)
    }
}
