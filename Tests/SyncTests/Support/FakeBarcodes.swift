import Core

/// Valid UPC-A barcodes that the sandbox's catalog does not hold (number system 7, a counter).
enum FakeBarcodes {
    /// `count` distinct valid barcodes, none an in-store code, none in `excluding`.
    static func make(_ count: Int, start: Int = 0, excluding: Set<String> = []) -> [String] {
        var codes: [String] = []
        var number = start
        while codes.count < count {
            let text = String(number)
            let body = "7" + String(repeating: "0", count: 10 - text.count) + text
            number += 1
            let digits = body.utf8.map { $0 - UInt8(ascii: "0") }
            let check = Barcode.checkDigit(of: digits)
            let code = body + String(check)
            if !excluding.contains(code), Barcode(code) != nil { codes.append(code) }
        }
        return codes
    }
}
