import Core

/// The fuzz corpus draws from the project's one seeded generator, so a failure reproduces.
extension SeededRandom {
    /// `true` with probability `percent`/100.
    mutating func percent(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }
}
