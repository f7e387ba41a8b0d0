import Core
import Testing

@testable import Shelf

@Suite("Counting shelf changes before parsing them")
struct ShelfProductCountTests {
    private func count(_ text: String) -> Int { ShelfProductCount.count(Array(text.utf8)) }

    @Test("Only the top-level products array's own elements count, whatever strings and nested values hold")
    func countsElements() {
        #expect(count(#"{"products": []}"#) == 0)
        #expect(count(#"{"products": [{}]}"#) == 1)
        #expect(count(#"{"products": [{}, {}, 3, "x", null, [1, 2]]}"#) == 6)
        #expect(
            count(#"{"products": [{"name": "a, [b], {c}", "unit": "\"],["}, {"x": [1, 2, {"y": [3]}]}]}"#) == 2)
        #expect(count(#"{"other": [1, 2, 3], "products": [1]}"#) == 1)
        #expect(count(#"{"a": {"products": [1, 2, 3]}, "products": [1, 2]}"#) == 2)
        #expect(count(#"{"name": "products", "x": [1, 2, 3]}"#) == 0)
        #expect(count(#"[1, 2, 3]"#) == 0)
        #expect(count("") == 0)
    }

    @Test("A 4 MiB body of tiny items is refused as too many changes without being parsed into values")
    func tinyItems() {
        let item = Array("{},".utf8)
        var body = Array(#"{"products": ["#.utf8)
        body.reserveCapacity(4 << 20)
        while body.count < (4 << 20) - 10 { body += item }
        body += Array("{}]}".utf8)
        let items = (body.count - 18) / 3 + 1
        #expect(ShelfProductCount.count(body) == items)
        #expect(ShelfChangeParser.parse(body, limit: 10_000) == .failure(.tooMany(count: items, limit: 10_000)))
    }

    @Test("A body with few items still goes to the parser, which reports what is wrong with it")
    func fewItemsParse() {
        let result = ShelfChangeParser.parse(Array(#"{"products": [{"barcode": 1}]}"#.utf8), limit: 10)
        guard case .failure(.items(let problems)) = result else {
            Issue.record("expected item problems, got \(result)")
            return
        }
        #expect(problems.count == 1)
    }
}
