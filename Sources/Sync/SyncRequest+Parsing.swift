import Core
import Store

extension SyncRequest {
    /// Most barcodes one request may name.
    public static let maximumBarcodes = 10_000

    /// The body of `POST /v1/sync` as `storesync resync` writes it and the socket reads it.
    public struct Body: Codable, Sendable, Hashable {
        /// `delta` (when absent), `full` or `barcodes`.
        public var mode: String?
        /// With mode `barcodes` only.
        public var barcodes: [String]?

        public init(mode: String?, barcodes: [String]? = nil) {
            self.mode = mode
            self.barcodes = barcodes
        }
    }

    /// Reads a `POST /v1/sync` body: empty (a delta), or `{"mode": "delta" | "full" | "barcodes",
    /// "barcodes": [...]}`. Barcodes are validated and normalized like the socket's (a 13-digit form
    /// with a leading 0 is the UPC-A); in-store codes are refused (they never go upstream), and so is
    /// `barcodes` with another mode. Always `origin: .manual`.
    public init(body: [UInt8]) throws(SyncRequestError) {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            self = .delta(.manual)
            return
        }
        let request: Body
        do { request = try JSONValueDecoder().decode(Body.self, from: body) } catch let error as JSONParseError {
            throw SyncRequestError("the body is not JSON (\(error)); send {\"mode\": \"delta\"}")
        } catch {
            throw SyncRequestError(JSONValueDecoder.describe(error, in: "request"))
        }
        guard let mode = SyncMode(rawValue: request.mode ?? "delta") else {
            throw SyncRequestError("mode must be \"delta\", \"full\" or \"barcodes\"")
        }
        guard mode == .barcodes else {
            if request.barcodes != nil { throw SyncRequestError("barcodes go with \"mode\": \"barcodes\"") }
            self.init(mode: mode, origin: .manual)
            return
        }
        guard let items = request.barcodes, !items.isEmpty else {
            throw SyncRequestError("mode \"barcodes\" needs a non-empty \"barcodes\" array")
        }
        guard items.count <= Self.maximumBarcodes else {
            throw SyncRequestError("at most \(Self.maximumBarcodes) barcodes per request")
        }
        var barcodes: [Barcode] = []
        for text in items {
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
