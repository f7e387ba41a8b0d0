import Core

/// UPC-E, the zero-suppressed 8-digit symbol of some UPC-A codes (number system 0 or 1), as the
/// sandbox needs it to build a realistic catalog: stores print it, the API never keys by it.
enum SandboxUPCE {
    /// The 12 UPC-A digits a valid 8-digit UPC-E expands to; `nil` when `code` is no valid UPC-E.
    static func expand(_ code: [UInt8]) -> [UInt8]? {
        guard code.count == 8, code[0] <= 1 else { return nil }
        let body = upcABody(numberSystem: code[0], payload: Array(code[1...6]))
        guard Barcode.checkDigit(of: body) == code[7] else { return nil }
        return body + [code[7]]
    }

    /// The 11 digits before the check digit of the UPC-A that UPC-E number system `numberSystem` and
    /// six-digit `p` stand for (the last payload digit says where the zeros were suppressed).
    static func upcABody(numberSystem: UInt8, payload p: [UInt8]) -> [UInt8] {
        let middle: [UInt8]
        switch p[5] {
        case 0, 1, 2: middle = [p[0], p[1], p[5], 0, 0, 0, 0, p[2], p[3], p[4]]
        case 3: middle = [p[0], p[1], p[2], 0, 0, 0, 0, 0, p[3], p[4]]
        case 4: middle = [p[0], p[1], p[2], p[3], 0, 0, 0, 0, 0, p[4]]
        default: middle = [p[0], p[1], p[2], p[3], p[4], 0, 0, 0, 0, p[5]]
        }
        return [numberSystem] + middle
    }

    /// The UPC-E of a 12-digit UPC-A (as digits), when it has one: number system 0 or 1 and the zeros
    /// UPC-E suppresses. Where two rules fit, the first applies (as a printer encodes it).
    static func compress(_ upcA: [UInt8]) -> [UInt8]? {
        guard upcA.count == 12, upcA[0] <= 1 else { return nil }
        let m = Array(upcA[1...5])
        let item = Array(upcA[6...10])
        var payload: [UInt8]?
        if m[2] <= 2, m[3] == 0, m[4] == 0, item[0] == 0, item[1] == 0 {
            payload = [m[0], m[1], item[2], item[3], item[4], m[2]]
        } else if m[3] == 0, m[4] == 0, item[0...2].allSatisfy({ $0 == 0 }) {
            payload = [m[0], m[1], m[2], item[3], item[4], 3]
        } else if m[4] == 0, item[0...3].allSatisfy({ $0 == 0 }) {
            payload = [m[0], m[1], m[2], m[3], item[4], 4]
        } else if item[0...3].allSatisfy({ $0 == 0 }), item[4] >= 5 {
            payload = [m[0], m[1], m[2], m[3], m[4], item[4]]
        }
        guard let payload else { return nil }
        let code = [upcA[0]] + payload + [upcA[11]]
        return expand(code) == upcA ? code : nil
    }
}
