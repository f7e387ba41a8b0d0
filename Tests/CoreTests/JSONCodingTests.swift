import Core
import Foundation
import Testing

/// A document with every kind of member the coders handle.
private struct Sample: Codable, Equatable {
    struct Part: Codable, Equatable {
        var tagsConfirmed: Int?
        var phase: String?
    }

    var syncID: String
    var imageBytes: Int64
    var reason: String?
    var resumeAt: Date??
    var etaSeconds: Int??
    var creditsSpent: Credits
    var productMeta: JSONValue
    var parts: [Part]
    var flag: Bool
    var ratio: Double
    var part: Part?
}

@Suite("Typed documents as JSON (JSONValueEncoder, JSONValueDecoder)")
struct JSONCodingTests {
    private static let sample = Sample(
        syncID: "7", imageBytes: 12, reason: nil, resumeAt: .some(nil), etaSeconds: nil,
        creditsSpent: Credits(thousandths: 5200), productMeta: try! JSONValue(parsing: #"{"n":1.50,"a":[1,2]}"#),
        parts: [.init(tagsConfirmed: 3, phase: nil)], flag: true, ratio: 0.5, part: nil)

    @Test("Keys come in declaration order as snake_case, nil as null, T?? left out when .none, numbers exact")
    func encodesAsWritten() throws {
        let text = try JSONValueEncoder().encode(Self.sample).jsonText
        #expect(
            text
                == #"{"sync_id":"7","image_bytes":12,"reason":null,"resume_at":null,"credits_spent":5.2,"#
                + #""product_meta":{"n":1.50,"a":[1,2]},"parts":[{"tags_confirmed":3,"phase":null}],"flag":true,"#
                + #""ratio":0.5,"part":null}"#)
        #expect(
            try JSONValueEncoder(keys: .asIs).encode(Sample.Part(tagsConfirmed: nil, phase: "x")).jsonText
                == #"{"tagsConfirmed":null,"phase":"x"}"#)
        let date = try #require(Timestamp.parse("2026-07-02T16:30:00Z"))
        #expect(JSONValueEncoder.json([date]).jsonText == #"["2026-07-02T16:30:00Z"]"#)
    }

    @Test("What is encoded decodes back the same; a null or missing optional reads as nil")
    func roundTrip() throws {
        var sample = Self.sample
        let resume = try #require(Timestamp.parse("2026-07-03T00:00:00Z"))
        sample.resumeAt = resume
        sample.etaSeconds = 42
        sample.part = .init(tagsConfirmed: nil, phase: "saving")
        let decoded = try JSONValueDecoder().decode(Sample.self, from: JSONValueEncoder().encode(sample))
        #expect(decoded == sample)
        #expect(decoded.productMeta.jsonText == #"{"n":1.50,"a":[1,2]}"#)
        let sparse = try JSONValueDecoder().decode(
            Sample.Part.self, from: Array(#"{"tags_confirmed":null,"other":1}"#.utf8))
        #expect(sparse == .init(tagsConfirmed: nil, phase: nil))
    }

    @Test("A misspelt, missing or mistyped key is an error that names the key as the JSON spells it")
    func refusals() throws {
        var members = try #require(JSONValueEncoder.json(Self.sample).objectValue)
        members.removeAll { $0.key == "credits_spent" }
        members.append(("credit_spent", .int(1)))
        let json = JSONValue.object(members)
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Sample.self, from: json) }
        do { _ = try JSONValueDecoder().decode(Sample.self, from: json) } catch {
            #expect(JSONValueDecoder.describe(error, in: "status") == "the status has no `credits_spent`")
        }
        let cases: [(String, String)] = [
            (#"[{"tags_confirmed":"3"}]"#, "the list's `[0].tags_confirmed` is not a number"),
            (#"[{"tags_confirmed":1e300}]"#, "the list's `[0].tags_confirmed` is out of range"),
            (#"[{"tags_confirmed":2.5}]"#, "the list's `[0].tags_confirmed` is not a whole number"),
            (#"{"a":1}"#, "the list is not a list"),
        ]
        for (text, message) in cases {
            do {
                _ = try JSONValueDecoder().decode([Sample.Part].self, from: Array(text.utf8))
                Issue.record("\(text) was accepted")
            } catch {
                #expect(JSONValueDecoder.describe(error, in: "list").hasPrefix(message), "\(text)")
            }
        }
    }

    @Test("Credits and barcodes read exactly or not at all")
    func valueTypes() throws {
        #expect(
            try JSONValueDecoder().decode([Credits].self, from: Array("[0.05,-1.25,497.400]".utf8)) == [
                Credits(thousandths: 50), Credits(thousandths: -1250), Credits(thousandths: 497_400),
            ])
        #expect(throws: DecodingError.self) {
            try JSONValueDecoder().decode([Credits].self, from: Array(#"["1"]"#.utf8))
        }
        #expect(JSONValueEncoder.json([StoreBarcode(trusted: "04963406")]).jsonText == #"["04963406"]"#)
        #expect(throws: DecodingError.self) {
            try JSONValueDecoder().decode([StoreBarcode].self, from: Array(#"["017000161564"]"#.utf8))
        }
    }
}
