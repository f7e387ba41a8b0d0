import Core

/// The barcodes whose cached answer one write transaction changed (product, image or negative rows),
/// collected by the ``WriteConnection`` operations and published by ``Database/write(_:)`` on
/// commit (``AnswerGenerations``). Past `limit` barcodes it stops listing them and retires
/// everything instead. Confined to the writer thread, like the connection.
final class ChangedBarcodes {
    /// The listed barcodes (empty once ``everything`` is set).
    private(set) var barcodes: Set<Barcode> = []
    /// Whether the write changed too many barcodes to list: every derived value is retired.
    private(set) var everything = false
    private let limit: Int

    init(limit: Int = 1024) { self.limit = limit }

    /// Notes that the write changed what `barcode` answers.
    func record(_ barcode: Barcode) {
        guard !everything else { return }
        barcodes.insert(barcode)
        if barcodes.count > limit { recordEverything() }
    }

    /// Notes that the write changed more than it lists (a bulk change).
    func recordEverything() {
        everything = true
        barcodes = []
    }
}
