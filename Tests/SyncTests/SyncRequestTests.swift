import Core
import Store
import Sync
import Testing

@Suite("Sync requests from the socket")
struct SyncRequestTests {
    static func parse(_ text: String) throws(SyncRequestError) -> SyncRequest {
        try SyncRequest(body: Array(text.utf8))
    }

    @Test("An empty body is a delta; modes and barcodes parse, normalized and sorted")
    func accepted() throws {
        #expect(try Self.parse("") == .delta(.manual))
        #expect(try Self.parse(" \n") == .delta(.manual))
        #expect(try Self.parse("{}") == .delta(.manual))
        #expect(try Self.parse(#"{"mode": "full"}"#) == .full(.manual))
        let request = try Self.parse(#"{"mode": "barcodes", "barcodes": ["080878194964", "0017000161563"]}"#)
        #expect(request.mode == .barcodes)
        #expect(request.origin == .manual)
        #expect(request.barcodes.map(\.digits) == ["017000161563", "080878194964"])
    }

    @Test("Bad bodies are refused with a reason, bad barcodes as invalid_barcode")
    func refused() {
        let cases: [(String, String)] = [
            ("[1]", "invalid_request"),
            ("{nope", "invalid_request"),
            (#"{"mode": "sometimes"}"#, "invalid_request"),
            (#"{"mode": "barcodes"}"#, "invalid_request"),
            (#"{"mode": "barcodes", "barcodes": []}"#, "invalid_request"),
            (#"{"mode": "delta", "barcodes": ["017000161563"]}"#, "invalid_request"),
            (#"{"mode": "barcodes", "barcodes": [17000161563]}"#, "invalid_request"),
            (#"{"mode": "barcodes", "barcodes": ["017000161564"]}"#, "invalid_barcode"),
            (#"{"mode": "barcodes", "barcodes": ["01700016156/"]}"#, "invalid_barcode"),
            (#"{"mode": "barcodes", "barcodes": ["200000000004"]}"#, "invalid_barcode"),
        ]
        for (body, code) in cases {
            #expect(throws: SyncRequestError.self, "\(body)") { try Self.parse(body) }
            do {
                _ = try Self.parse(body)
            } catch {
                #expect(error.code == code, "\(body)")
                #expect(!error.description.isEmpty)
            }
        }
    }
}
