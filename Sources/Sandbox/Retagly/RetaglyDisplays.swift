import Core

/// Which electronic shelf displays are bound to a barcode: 0 to 3, deterministic from the
/// barcode's canonical digits alone (the same in every store and every run).
public enum RetaglyDisplays {
    /// The number of displays bound to `barcode` (canonical digits): 0 for about 10 % of
    /// barcodes, 1 for 60 %, 2 for 20 %, 3 for 10 %.
    public static func count(for barcode: String) -> Int {
        let bucket = SeededRandom.mix(RetaglyRandom.hash(barcode)) % 10
        switch bucket {
        case 0: return 0
        case 1...6: return 1
        case 7, 8: return 2
        default: return 3
        }
    }

    /// The displays bound to all of `barcodes` (each barcode counted once).
    public static func count(for barcodes: some Sequence<String>) -> Int {
        Set(barcodes).reduce(0) { $0 + count(for: $1) }
    }
}
