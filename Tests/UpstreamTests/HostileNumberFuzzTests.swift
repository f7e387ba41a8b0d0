import Core
import Foundation
import Testing

@testable import Upstream

/// Fuzzes every reader of upstream answers with a seeded corpus of hostile numbers: 12,000
/// mutations per reader, 120,000 in all, the same on every run. A trap would kill the test process,
/// so finishing is the proof; each mutation must also be refused or give values within range.
@Suite("Hostile numbers from upstream, fuzzed")
struct HostileNumberFuzzTests {
    static let seed: UInt64 = 0x5EED_0012_0001
    static let mutationsPerReader = 12_000

    @Test(
        "No mutated header or body crashes a reader; each is refused or read within range",
        arguments: HostileDecoder.allCases)
    func readerSurvivesTheCorpus(_ decoder: HostileDecoder) {
        var random = SeededRandom(seed: Self.seed ^ Self.index(decoder))
        var accepted = 0
        var refused = 0
        var violations: [String] = []
        for _ in 0..<Self.mutationsPerReader {
            switch decoder.run(&random) {
            case .accepted: accepted += 1
            case .refused: refused += 1
            case .violated(let what): violations.append(what)
            }
        }
        #expect(violations.isEmpty, "\(decoder): \(violations.count) values out of range, e.g. \(violations.prefix(3))")
        #expect(accepted + refused == Self.mutationsPerReader)
        // The corpus is hostile but not hopeless: both outcomes occur (else it tests too little).
        #expect(refused > 0, "\(decoder) refused nothing")
        #expect(accepted > 0, "\(decoder) accepted nothing")
    }

    @Test("The corpus holds at least 100,000 mutations and is the same on every run")
    func corpusSizeAndDeterminism() {
        #expect(HostileDecoder.allCases.count * Self.mutationsPerReader >= 100_000)
        var first = SeededRandom(seed: Self.seed)
        var second = SeededRandom(seed: Self.seed)
        let a = (0..<50).map { _ in
            HostileBodies.mutate(HostileBodies.listing, fields: HostileBodies.listingFields, &first)
        }
        let b = (0..<50).map { _ in
            HostileBodies.mutate(HostileBodies.listing, fields: HostileBodies.listingFields, &second)
        }
        #expect(a == b)
    }

    /// A stable per-reader seed offset (not `hashValue`, which changes between runs).
    static func index(_ decoder: HostileDecoder) -> UInt64 {
        UInt64(HostileDecoder.allCases.firstIndex(of: decoder) ?? 0) &* 0x9E37_79B9
    }
}
