import Core

extension SandboxProductFactory {
    /// A new EAN-8 with prefix 1 whose eight digits are also a valid UPC-E (number system 1, as a
    /// printer compresses its UPC-A): the API knows it as the EAN-8, a client that expands UPC-E first
    /// looks up the wrong product.
    mutating func makeAmbiguousEAN8() -> String {
        while true {
            let body: [UInt8] = [1] + (0..<6).map { _ in UInt8(random.int(0...9)) }
            let code = body + [Barcode.checkDigit(of: body)]
            guard let upcA = SandboxUPCE.expand(code), SandboxUPCE.compress(upcA) == code else { continue }
            let text = Self.text(code)
            let other = Self.text(upcA)
            guard !used.contains(text), !used.contains(other) else { continue }
            used.formUnion([text, other])
            return text
        }
    }

    /// A new UPC-A of number system `numberSystem` (0 or 1) whose UPC-E symbol is also a valid EAN-8:
    /// a store that prints the UPC-E scans eight digits the API does not know as an EAN-8.
    mutating func makeUPCAWithAmbiguousUPCE(numberSystem: UInt8) -> String {
        while true {
            let payload = (0..<6).map { _ in UInt8(random.int(0...9)) }
            let body = SandboxUPCE.upcABody(numberSystem: numberSystem, payload: payload)
            let check = Barcode.checkDigit(of: body)
            let code = [numberSystem] + payload + [check]
            // The UPC-E a printer makes of this UPC-A (the first rule that applies) must be this code.
            guard Barcode.checkDigit(of: code.dropLast()) == check, SandboxUPCE.compress(body + [check]) == code else {
                continue
            }
            let text = Self.text(body + [check])
            let symbol = Self.text(code)
            guard !used.contains(text), !used.contains(symbol) else { continue }
            used.formUnion([text, symbol])
            return text
        }
    }

    /// Digits as text.
    static func text(_ digits: [UInt8]) -> String {
        String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }
}
