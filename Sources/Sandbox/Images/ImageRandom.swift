/// A SplitMix64 generator: tiny, fast and fully deterministic for a given seed, so the same inputs
/// always draw the same picture on every machine.
struct ImageRandom {
    private var state: UInt64

    /// Starts the sequence at `seed`.
    init(seed: UInt64) { self.state = seed }

    /// Starts the sequence at the first eight bytes of `bytes` (big-endian).
    init(seedBytes bytes: some Sequence<UInt8>) {
        self.state = bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound` (a tiny modulo bias is irrelevant for pictures).
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A number in `range` (closed).
    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + next(below: range.count)
    }

    /// A fraction in `0..<1`.
    mutating func fraction() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A fraction in `range`.
    mutating func fraction(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + fraction() * (range.upperBound - range.lowerBound)
    }
}
