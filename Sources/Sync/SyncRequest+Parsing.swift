import Core
import Store

extension SyncRequest {
    /// Most barcodes one request may name.
    public static let maximumBarcodes = 10_000

    /// Reads a `POST /v1/sync` body: empty (a delta), or `{"mode": "delta" | "full" | "barcodes",
    /// "barcodes": [...]}`. Barcodes are validated and normalized like the socket's (a 13-digit form
    /// with a leading 0 is the UPC-A); in-store codes are refused (they never go upstream), and so is
    /// `barcodes` with another mode. Always `origin: .manual`.
    public init(body: [UInt8]) throws(SyncRequestError) {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            self = .delta(.manual)
            return
        }
        let json: JSONValue
        do { json = try JSONValue(parsing: body) } catch {
            throw SyncRequestError("the body is not JSON (\(error)); send {\"mode\": \"delta\"}")
        }
        guard json.objectValue != nil else { throw SyncRequestError("the body must be a JSON object") }
        var mode = SyncMode.delta
        if let value = json["mode"], !value.isNull {
            guard let text = value.stringValue, let parsed = SyncMode(rawValue: text) else {
                throw SyncRequestError("mode must be \"delta\", \"full\" or \"barcodes\"")
            }
            mode = parsed
        }
        let list = json["barcodes"].flatMap { $0.isNull ? nil : $0 }
        guard mode == .barcodes else {
            if list != nil { throw SyncRequestError("barcodes go with \"mode\": \"barcodes\"") }
            self.init(mode: mode, origin: .manual)
            return
        }
        guard let items = list?.arrayValue, !items.isEmpty else {
            throw SyncRequestError("mode \"barcodes\" needs a non-empty \"barcodes\" array")
        }
        guard items.count <= Self.maximumBarcodes else {
            throw SyncRequestError("at most \(Self.maximumBarcodes) barcodes per request")
        }
        var barcodes: [Barcode] = []
        for item in items {
            guard let text = item.stringValue else { throw SyncRequestError("barcodes must be strings") }
            let barcode: Barcode
            do { barcode = try Barcode(validating: text) } catch {
                throw SyncRequestError(code: "invalid_barcode", "barcode \"\(text.prefix(40))\": \(error)")
            }
            guard !barcode.isInStore else {
                throw SyncRequestError(
                    code: "invalid_barcode", "barcode \(barcode) is an in-store code; it never goes upstream")
            }
            barcodes.append(barcode)
        }
        self.init(mode: .barcodes, barcodes: barcodes, origin: .manual)
    }
}
